from django.urls import path

from opendata import views
from opendata.http import open_data_view

app_name = "opendata"

urlpatterns = [
    path("oppna-data/", views.index, name="index"),
    path(
        "oppna-data/<slug:name>.csv",
        open_data_view(views.national_csv),
        name="national_csv",
    ),
    path(
        "oppna-data/kommun/<slug:slug>/<slug:name>.csv",
        open_data_view(views.municipality_csv),
        name="municipality_csv",
    ),
    path(
        "oppna-data/lokalpolisomrade/<slug:slug>/<slug:name>.csv",
        open_data_view(views.police_area_csv),
        name="police_area_csv",
    ),
    path(
        "oppna-data/medborgarlofte/<slug:slug>/loften-per-ar.csv",
        open_data_view(views.pledge_csv),
        name="pledge_csv",
    ),
]
