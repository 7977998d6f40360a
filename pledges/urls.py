from django.urls import path

from agreements.drafting.views import draft_paths
from pledges import views
from pledges.drafting.pages import PLEDGE_DRAFT_PAGE, PLEDGE_START_PAGE

app_name = "pledges"

urlpatterns = [
    path("", views.home, name="home"),
    path("sok/", views.search, name="search"),
    path("kommun/<slug:slug>/", views.municipality_detail, name="municipality"),
    path("lokalpolisomrade/<slug:slug>/", views.police_area_detail, name="police_area"),
    path("medborgarlofte/<slug:slug>/", views.pledge_detail, name="detail"),
    path("medborgarlofte/<slug:slug>/pdf/", views.pledge_pdf, name="pdf"),
    # The editors' drafts, reached by id until they are published.
    *draft_paths(
        "redaktor/medborgarlofte/", "nytt/", start=PLEDGE_START_PAGE, page=PLEDGE_DRAFT_PAGE
    ),
]
