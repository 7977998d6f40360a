"""Request and response hardening that applies to every page.

RejectInvalidTextMiddleware refuses input no page could mean: a NUL character in the path,
a NUL or bytes that are not UTF-8 in the query string or a form's fields. PostgreSQL refuses
NUL in text, so without this check such a request reached a query and ended in a 500.

PrivateCacheMiddleware keeps pages made for one person out of shared caches.
"""

from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import render
from django.utils.cache import has_vary_header, patch_cache_control
from django.utils.translation import gettext as _


def is_clean_text(text: str) -> bool:
    """True for text without NUL and without lone surrogates (not encodable as UTF-8)."""
    if "\x00" in text:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def is_clean_encoded(raw: bytes) -> bool:
    """True for URL-encoded data (a query string or a urlencoded body) whose decoded bytes
    are UTF-8 without NUL. `&`, `=` and `+` are ASCII, so the whole string decodes at once."""
    try:
        text = unquote_to_bytes(raw.replace(b"+", b" ")).decode("utf-8")
    except UnicodeDecodeError:
        return False
    return "\x00" not in text


def _wsgi_bytes(value: str) -> bytes:
    # WSGI hands over the request's bytes as ISO-8859-1 text; anything else (ASGI, tests
    # that build requests by hand) is already text and goes back to UTF-8.
    try:
        return value.encode("iso-8859-1")
    except UnicodeEncodeError:
        return value.encode("utf-8", "surrogatepass")


def has_clean_path_and_query(request: HttpRequest) -> bool:
    # Django already keeps bytes in the path that are not UTF-8 percent-encoded (the
    # harmless text "%FF", which no URL pattern matches); NUL it decodes as it comes.
    if not is_clean_text(request.path_info):
        return False
    return is_clean_encoded(_wsgi_bytes(request.META.get("QUERY_STRING", "")))


def is_multipart(request: HttpRequest) -> bool:
    return request.META.get("CONTENT_TYPE", "").startswith("multipart/form-data")


def has_clean_form(request: HttpRequest) -> bool:
    """A form's fields: the raw body for a urlencoded form, the parsed fields and file
    names for a multipart one (the files' contents are bytes, not text)."""
    if request.method not in ("POST", "PUT", "PATCH"):
        return True
    content_type = request.META.get("CONTENT_TYPE", "")
    if content_type.startswith("application/x-www-form-urlencoded"):
        return is_clean_encoded(request.body)
    if is_multipart(request):
        for key, values in request.POST.lists():
            if not all(is_clean_text(text) for text in (key, *values)):
                return False
        return all(
            is_clean_text(key) and is_clean_text(upload.name or "")
            for key, uploads in request.FILES.lists()
            for upload in uploads
        )
    return True


def drop_unclean_cookies(request: HttpRequest) -> None:
    # A broken cookie is not the visitor's fault (another site on the domain may have set
    # it): drop it rather than refuse every page until they clear their cookies.
    for name, value in list(request.COOKIES.items()):
        if not (is_clean_text(name) and is_clean_text(value)):
            del request.COOKIES[name]


def invalid_text_response(request: HttpRequest) -> HttpResponse:
    reason = _(
        "Adressen eller formuläret innehöll tecken som inte är tillåtna, till exempel "
        "nolltecken eller text som inte är giltig UTF-8. Kontrollera adressen eller skriv "
        "om texten och försök igen."
    )
    return render(request, "400.html", {"reason": reason}, status=400)


def parses_own_uploads(view):
    """Mark a view that sets its own upload handlers before it reads a multipart body
    (the verification page caps the upload while it arrives): the middleware then leaves
    the body unread, and the view calls ``has_clean_form`` itself once it may."""
    view.parses_own_uploads = True
    return view


def checked_form(request: HttpRequest) -> bool:
    try:
        return has_clean_form(request)
    except MultiPartParserError:
        return False


class RejectInvalidTextMiddleware:
    """Answer 400 with a Swedish page to a request whose path, query string or form
    fields hold NUL or invalid UTF-8; such text is never meaningful here.

    A multipart body is checked once the view is known (process_view), unless the view
    reads it itself (``parses_own_uploads``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        drop_unclean_cookies(request)
        clean = has_clean_path_and_query(request)
        if clean and not is_multipart(request):
            clean = checked_form(request)
        if not clean:
            return invalid_text_response(request)
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view, args, kwargs) -> HttpResponse | None:
        if not is_multipart(request) or getattr(view, "parses_own_uploads", False):
            return None
        return None if checked_form(request) else invalid_text_response(request)


def is_private_response(request: HttpRequest, response: HttpResponse) -> bool:
    """A response meant for one person: to a logged-in user, one that sets the session
    cookie, or one that varies on the cookie of a session with something in it."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return True
    if settings.SESSION_COOKIE_NAME in response.cookies:
        return True
    session = getattr(request, "session", None)
    return session is not None and not session.is_empty() and has_vary_header(response, "Cookie")


def already_private(response: HttpResponse) -> bool:
    """The view chose its own private caching (private, or no-store): leave it be."""
    directives = {
        part.strip().split("=")[0].lower()
        for part in response.get("Cache-Control", "").split(",")
        if part.strip()
    }
    return bool(directives & {"private", "no-store"})


class PrivateCacheMiddleware:
    """Cache-Control: private, no-store on every response made for one person, so that
    no shared cache (a proxy, a CDN) keeps it and no browser stores it on disk. Anonymous
    public pages are left as their views made them. Sits above SessionMiddleware, so it
    sees the session cookie and Vary header that middleware adds."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if is_private_response(request, response) and not already_private(response):
            patch_cache_control(response, private=True, no_store=True)
        return response
