from django.conf import settings


def portal(request):
    """Values every template needs."""
    return {"DEMO_MODE": settings.DEMO_MODE}
