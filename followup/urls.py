from django.urls import path

from followup import views

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
]
