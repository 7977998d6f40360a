from django.urls import path

from portal import account_views, views

app_name = "portal"

urlpatterns = [
    path("om-medborgarloften/", views.about, name="about"),
    path("tillganglighet/", views.accessibility, name="accessibility"),
    path("kontrollera/", views.verify_document, name="verify"),
    path("samordnare/konto/", account_views.profile, name="profile"),
    path("samordnare/installningar/", account_views.mail_settings, name="mail_settings"),
    path("dokument/<str:sha256>.pdf", views.document_download, name="document"),
]
