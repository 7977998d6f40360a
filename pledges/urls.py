from django.urls import path

from pledges import views
from pledges.drafting import views as drafting

app_name = "pledges"

urlpatterns = [
    path("", views.home, name="home"),
    path("sok/", views.search, name="search"),
    path("kommun/<slug:slug>/", views.municipality_detail, name="municipality"),
    path("lokalpolisomrade/<slug:slug>/", views.police_area_detail, name="police_area"),
    path("medborgarlofte/<slug:slug>/", views.pledge_detail, name="detail"),
    path("medborgarlofte/<slug:slug>/pdf/", views.pledge_pdf, name="pdf"),
    # The editors' drafts, reached by id until they are published.
    path("redaktor/medborgarlofte/nytt/", drafting.draft_new, name="draft_new"),
    path("redaktor/medborgarlofte/<int:pk>/", drafting.draft, name="draft"),
    path(
        "redaktor/medborgarlofte/<int:pk>/forhandsgranska/",
        drafting.draft_preview,
        name="draft_preview",
    ),
    path(
        "redaktor/medborgarlofte/<int:pk>/forhandsgranska.pdf",
        drafting.draft_preview_pdf,
        name="draft_preview_pdf",
    ),
]
