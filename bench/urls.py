"""The portal's addresses plus the framework's floor: a constant 10 KB page answered by a
plain Django view through the same middleware, and a trivial one to see that the server
is up. For bench/throughput.py only."""

from django.http import HttpResponse
from django.urls import path

from portal.urls import urlpatterns as portal_urlpatterns

FLOOR = b"<!DOCTYPE html><title>floor</title>" + b"x" * (10 * 1024 - 35)


def floor(request):
    return HttpResponse(FLOOR, content_type="text/html; charset=utf-8")


urlpatterns = [
    path("bench-floor/", floor),
    path("healthz-floor/", lambda request: HttpResponse(b"ok", content_type="text/plain")),
    *portal_urlpatterns,
]
