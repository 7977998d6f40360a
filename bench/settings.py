"""The portal's settings, with the framework's floor added to its addresses (bench/urls.py):
for bench/throughput.py only, never in production."""

from portal.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
