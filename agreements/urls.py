from django.urls import path

from agreements import views
from agreements.drafting import views as drafting

app_name = "agreements"

urlpatterns = [
    path("overenskommelse/<slug:slug>/", views.agreement_detail, name="detail"),
    path("overenskommelse/<slug:slug>/pdf/", views.agreement_pdf, name="pdf"),
    # The editors' drafts, reached by id until they are published.
    path("redaktor/overenskommelse/ny/", drafting.draft_new, name="draft_new"),
    path("redaktor/overenskommelse/<int:pk>/", drafting.draft, name="draft"),
    path(
        "redaktor/overenskommelse/<int:pk>/forhandsgranska/",
        drafting.draft_preview,
        name="draft_preview",
    ),
    path(
        "redaktor/overenskommelse/<int:pk>/forhandsgranska.pdf",
        drafting.draft_preview_pdf,
        name="draft_preview_pdf",
    ),
]
