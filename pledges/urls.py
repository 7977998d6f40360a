from django.urls import path

from pledges import views

app_name = "pledges"

urlpatterns = [
    path("", views.home, name="home"),
    path("sok/", views.search, name="search"),
    path("kommun/<slug:slug>/", views.municipality_detail, name="municipality"),
    path("lokalpolisomrade/<slug:slug>/", views.police_area_detail, name="police_area"),
    path("medborgarlofte/<slug:slug>/", views.pledge_detail, name="detail"),
    path("medborgarlofte/<slug:slug>/pdf/", views.pledge_pdf, name="pdf"),
]
