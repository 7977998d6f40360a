from django.urls import path

from agreements import views

app_name = "agreements"

urlpatterns = [
    path("overenskommelse/<slug:slug>/", views.agreement_detail, name="detail"),
    path("overenskommelse/<slug:slug>/pdf/", views.agreement_pdf, name="pdf"),
]
