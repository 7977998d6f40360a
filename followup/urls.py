from django.urls import path

from followup import review_views, views

app_name = "followup"

urlpatterns = [
    path("samordnare/", views.start, name="start"),
    path("samordnare/lofte/<int:commitment_pk>/logga/", views.activity_log, name="activity_log"),
    path("samordnare/aktivitet/<int:pk>/andra/", views.activity_correct, name="correct"),
    path("samordnare/aktivitet/<int:pk>/ta-bort/", views.activity_withdraw, name="withdraw"),
    path("samordnare/aktivitet/<int:pk>/historik/", views.activity_history_view, name="history"),
    path(
        "samordnare/fokusomrade/<int:focus_area_pk>/planerad-aktivitet/",
        views.planned_activity_add,
        name="planned_add",
    ),
    # Annual follow-up: the parties' pages, then the residents' page.
    path("samordnare/uppfoljning/ny/", review_views.review_start, name="review_start"),
    path("samordnare/uppfoljning/<int:pk>/", review_views.review_page, name="review"),
    path(
        "samordnare/uppfoljning/<int:pk>/skriv-under/",
        review_views.review_sign,
        name="review_sign",
    ),
    path(
        "samordnare/uppfoljning/<int:pk>/skicka-tillbaka/",
        review_views.review_return,
        name="review_return",
    ),
    path(
        "samordnare/uppfoljning/<int:pk>/ratta/", review_views.review_revise, name="review_revise"
    ),
    path("uppfoljning/<int:pk>/", review_views.review_public, name="review_public"),
]
