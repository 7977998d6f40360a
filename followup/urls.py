from django.urls import path

from followup import feeds, start_page
from followup.activities import views as activities
from followup.overview import views as overview
from followup.reviews import signing_views
from followup.reviews import views as reviews

app_name = "followup"

urlpatterns = [
    path("samordnare/", start_page.start, name="start"),
    # The activity log.
    path(
        "samordnare/lofte/<int:commitment_pk>/logga/", activities.activity_log, name="activity_log"
    ),
    path("samordnare/aktivitet/<int:pk>/andra/", activities.activity_correct, name="correct"),
    path("samordnare/aktivitet/<int:pk>/ta-bort/", activities.activity_withdraw, name="withdraw"),
    path(
        "samordnare/aktivitet/<int:pk>/historik/",
        activities.activity_history_view,
        name="history",
    ),
    path(
        "samordnare/fokusomrade/<int:focus_area_pk>/planerad-aktivitet/",
        activities.planned_activity_add,
        name="planned_add",
    ),
    # Annual follow-up: the parties' pages, then the residents' page.
    path("samordnare/uppfoljning/ny/", reviews.review_start, name="review_start"),
    path("samordnare/uppfoljning/<int:pk>/", reviews.review_page, name="review"),
    path(
        "samordnare/uppfoljning/<int:pk>/skicka-in-igen/",
        reviews.review_resubmit,
        name="review_resubmit",
    ),
    path(
        "samordnare/uppfoljning/<int:pk>/skriv-under/",
        signing_views.review_sign,
        name="review_sign",
    ),
    path(
        "samordnare/uppfoljning/<int:pk>/skicka-tillbaka/",
        signing_views.review_return,
        name="review_return",
    ),
    path(
        "samordnare/uppfoljning/<int:pk>/forhandsgranska.pdf",
        signing_views.review_preview_pdf,
        name="review_preview_pdf",
    ),
    path("samordnare/uppfoljning/<int:pk>/ratta/", reviews.review_revise, name="review_revise"),
    path("uppfoljning/<int:pk>/", reviews.review_public, name="review_public"),
    # Every municipality's pledge and follow-up, for residents.
    path("oversikt/", overview.overview, name="overview"),
    # Atom feeds of what is published, one for each public page that lists documents.
    path("flode/", feeds.country_feed, name="country_feed"),
    path("kommun/<slug:slug>/flode/", feeds.municipality_feed, name="municipality_feed"),
    path("lokalpolisomrade/<slug:slug>/flode/", feeds.police_area_feed, name="police_area_feed"),
]
