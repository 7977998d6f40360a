from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from agreements.sitemaps import AgreementSitemap, MunicipalitySitemap, PoliceAreaSitemap
from followup.sitemaps import ReviewSitemap
from pledges.sitemaps import PledgeSitemap
from portal import account_views, crawlers, health, views
from portal.forms import LoginForm

admin.site.site_header = _("Medborgarlöften – administration")
admin.site.site_title = _("Medborgarlöften")
admin.site.index_title = _("Administration")

# The root URLconf knows every app: here their sitemap sections come together.
SITEMAP_SECTIONS = {
    "pages": crawlers.StaticPagesSitemap,
    "municipalities": MunicipalitySitemap,
    "police_areas": PoliceAreaSitemap,
    "pledges": PledgeSitemap,
    "agreements": AgreementSitemap,
    "reviews": ReviewSitemap,
}

# Outside the language prefix: what is the same in every language (the crawlers' files, the
# load balancer's probes, the admin). The sealed PDFs by hash (/dokument/<sha256>.pdf) are
# answered before any URL is resolved (DocumentDownloadMiddleware), and every page links
# them at that Swedish address (IssuedDocument.get_absolute_url).
urlpatterns = [
    path("robots.txt", crawlers.robots_txt, name="robots_txt"),
    path("sitemap.xml", crawlers.sitemap_view(SITEMAP_SECTIONS), name="sitemap"),
    # For the load balancer: unnamespaced, English, outside the site's Swedish paths.
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("admin/", admin.site.urls),
    # The JSON API: one address in every language, its field names in English and the
    # documents' values in Swedish.
    path("api/v1/", include("opendata.api_urls")),
]

# The site's pages: Swedish at the addresses without a prefix, English under /en/
# (portal/languages.py reads the language from the path alone).
urlpatterns += i18n_patterns(
    path("", include("portal.site_urls")),
    path("", include("agreements.urls")),
    path("", include("pledges.urls")),
    path("", include("followup.urls")),
    path("", include("agreements.publishing.urls")),
    # Open data: the page Öppna data and the CSV files (their column names in the
    # page's language; the values are the documents' own Swedish).
    path("", include("opendata.urls")),
    path("", include("following.urls")),
    path(
        "logga-in/",
        auth_views.LoginView.as_view(
            template_name="registration/login.html", authentication_form=LoginForm
        ),
        name="login",
    ),
    path("logga-ut/", auth_views.LogoutView.as_view(), name="logout"),
    # Glömt lösenordet: Django's password reset, in Swedish (names as Django expects).
    path("glomt-losenord/", account_views.ResetRequestView.as_view(), name="password_reset"),
    path(
        "glomt-losenord/skickat/",
        account_views.ResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "nytt-losenord/<uidb64>/<token>/",
        account_views.ResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "nytt-losenord/klart/",
        account_views.ResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    prefix_default_language=False,
)

handler404 = views.page_not_found
handler403 = views.permission_denied
handler400 = views.bad_request
handler500 = views.server_error
