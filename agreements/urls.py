from django.urls import path

from agreements import views
from agreements.drafting.agreement_pages import AGREEMENT_DRAFT_PAGE, AGREEMENT_START_PAGE
from agreements.drafting.views import draft_paths
from agreements.naming import views as naming
from agreements.people import accept as people_accept
from agreements.people import views as people

app_name = "agreements"

urlpatterns = [
    path("overenskommelse/<slug:slug>/", views.agreement_detail, name="detail"),
    path("overenskommelse/<slug:slug>/pdf/", views.agreement_pdf, name="pdf"),
    # An organisation's administrators run its people.
    path("organisation/<str:kind>/<slug:slug>/personer/", people.people, name="people"),
    path("organisation/<str:kind>/<slug:slug>/personer/bjud-in/", people.invite, name="invite"),
    path(
        "organisation/<str:kind>/<slug:slug>/personer/<int:user_id>/",
        people.person,
        name="person",
    ),
    path(
        "organisation/<str:kind>/<slug:slug>/personer/<int:user_id>/ta-bort/",
        people.remove,
        name="person_remove",
    ),
    path(
        "organisation/<str:kind>/<slug:slug>/inbjudan/<int:pk>/skicka-igen/",
        people.invitation_resend,
        name="invitation_resend",
    ),
    path(
        "organisation/<str:kind>/<slug:slug>/inbjudan/<int:pk>/aterkalla/",
        people.invitation_withdrawn,
        name="invitation_withdraw",
    ),
    # Both sides name the police area that answers for a municipality.
    path(
        "organisation/<str:kind>/<slug:slug>/ansvarigt-lokalpolisomrade/",
        naming.police_area_naming,
        name="police_area_naming",
    ),
    path(
        "organisation/<str:kind>/<slug:slug>/ansvarigt-lokalpolisomrade/<int:pk>/<str:action>/",
        naming.naming_answer,
        name="police_area_naming_answer",
    ),
    path("inbjudan/<str:token>/", people_accept.accept, name="invitation_accept"),
    # The editors' drafts, reached by id until they are published.
    *draft_paths(
        "redaktor/overenskommelse/",
        "ny/",
        start=AGREEMENT_START_PAGE,
        page=AGREEMENT_DRAFT_PAGE,
    ),
]
