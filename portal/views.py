"""Site-wide pages: about, accessibility statement, document verification and downloads,
error pages."""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods

from portal.documents import ratelimit, uploads
from portal.documents.responses import issued_document_response
from portal.documents.verify import verify_pdf, verify_sha256
from portal.forms import VerifyDocumentForm
from portal.middleware import checked_form, invalid_text_response, parses_own_uploads
from portal.models import IssuedDocument


def about(request):
    return render(request, "portal/about.html")


def accessibility(request):
    return render(request, "portal/accessibility.html")


@parses_own_uploads
@csrf_exempt  # checked by _verify_document, after the rate and size checks below
@require_http_methods(["GET", "HEAD", "POST"])
def verify_document(request):
    """Kontrollera ett dokument: upload a PDF or paste its SHA-256.

    A check is refused before the body is read when the client has used up its checks for
    the minute (429) or the request is larger than any allowed upload (413). Django's
    pattern for upload handlers: they can only be added before CSRF protection reads
    request.POST, hence the exempt outer view and the protected inner one.
    """
    if request.method != "POST":
        return _verify_page(request, VerifyDocumentForm())
    if not ratelimit.verify_allowed(request):
        message = _("Du har gjort många kontroller på kort tid. Vänta en minut och försök igen.")
        return _refused(request, message, status=429)
    if uploads.body_too_large(request):
        return _refused(request, uploads.too_large_message(), status=413)
    handler = uploads.CappedUploadHandler(request)
    request.upload_handlers.insert(0, handler)
    return _verify_document(request, handler)


@csrf_protect
def _verify_document(request, handler: uploads.CappedUploadHandler):
    if not checked_form(request):
        return invalid_text_response(request)
    form = VerifyDocumentForm(request.POST, request.FILES)
    if handler.exceeded:
        return _refused(request, uploads.too_large_message(), status=413)
    verification = None
    if form.is_valid():
        content = form.cleaned_data["file"]
        verification = (
            verify_pdf(content) if content else verify_sha256(form.cleaned_data["sha256"])
        )
    # A rejected file is an answer too (in Swedish, on the page), not an error: 200.
    return _verify_page(request, form, verification)


def _refused(request, message: str, *, status: int):
    """The page with an empty form and ``message`` as the reason the file was not checked."""
    context = {"form": VerifyDocumentForm(), "refusal": message}
    return render(request, "portal/verify.html", context, status=status)


def _verify_page(request, form, verification=None):
    context = {"form": form, "verification": verification}
    return render(request, "portal/verify.html", context)


def document_download(request, sha256: str):
    """One stored version of a document, by its SHA-256: the stored bytes, never re-rendered."""
    issued = IssuedDocument.objects.filter(sha256=sha256).first()
    if issued is None:
        raise Http404
    return issued_document_response(request, issued, immutable=True)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


def csrf_failure(request, reason: str = ""):
    """CSRF_FAILURE_VIEW: a form too old to accept (or cookies blocked), in Swedish."""
    return render(request, "403_csrf.html", status=403)


def server_error(request):
    # No context processors or database here: the error may come from either.
    from django.http import HttpResponseServerError
    from django.template import loader

    return HttpResponseServerError(loader.get_template("500.html").render())
