from django.urls import path

from agreements.publishing import views

app_name = "publishing"

urlpatterns = [
    path("redaktor/<slug:kind>/<int:pk>/skicka/", views.submit, name="submit"),
    path("redaktor/<slug:kind>/<int:pk>/underskrifter/", views.sign, name="sign"),
    path("redaktor/<slug:kind>/<int:pk>/skicka-tillbaka/", views.send_back, name="return"),
    path("redaktor/<slug:kind>/<int:pk>/revidera/", views.revise, name="revise"),
]
