"""The API's addresses (/api/v1/…): django-ninja's, each answered through the page cache
with ETag, Last-Modified and CORS (opendata/http.py)."""

from opendata.api import PLACE_PARAMS, api
from opendata.http import open_data_patterns

app_name = "opendata_api"  # django-ninja reverses its root in this namespace

urlpatterns = open_data_patterns(api.urls[0], params=("limit", "offset", *PLACE_PARAMS))
