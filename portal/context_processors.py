from django.conf import settings

from portal.languages import language_links


def portal(request):
    """Values every template needs: the demo flag, and the current page in each language
    (the language switch and the hreflang links in base.html)."""
    return {"DEMO_MODE": settings.DEMO_MODE, "language_links": language_links(request)}
