from django.urls import path

from agreements import views
from agreements.drafting.agreement_pages import AGREEMENT_DRAFT_PAGE, AGREEMENT_START_PAGE
from agreements.drafting.views import draft_paths

app_name = "agreements"

urlpatterns = [
    path("overenskommelse/<slug:slug>/", views.agreement_detail, name="detail"),
    path("overenskommelse/<slug:slug>/pdf/", views.agreement_pdf, name="pdf"),
    # The editors' drafts, reached by id until they are published.
    *draft_paths(
        "redaktor/overenskommelse/",
        "ny/",
        start=AGREEMENT_START_PAGE,
        page=AGREEMENT_DRAFT_PAGE,
    ),
]
