from django.urls import path

from following import views

app_name = "following"

urlpatterns = [
    path("kommun/<slug:slug>/folj/", views.municipality_follow, name="municipality"),
    path("lokalpolisomrade/<slug:slug>/folj/", views.police_area_follow, name="police_area"),
    path("folj/bekrafta/<str:token>/", views.confirm, name="confirm"),
    path("folj/avsluta/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
