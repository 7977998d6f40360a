from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from portal import views
from portal.forms import LoginForm

admin.site.site_header = _("Medborgarlöften – administration")
admin.site.site_title = _("Medborgarlöften")
admin.site.index_title = _("Administration")

urlpatterns = [
    path("", include("portal.site_urls")),
    path("", include("agreements.urls")),
    path("", include("pledges.urls")),
    path("", include("followup.urls")),
    path("", include("agreements.publishing.urls")),
    path(
        "logga-in/",
        auth_views.LoginView.as_view(
            template_name="registration/login.html", authentication_form=LoginForm
        ),
        name="login",
    ),
    path("logga-ut/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
]

handler404 = views.page_not_found
handler403 = views.permission_denied
handler400 = views.bad_request
handler500 = views.server_error
