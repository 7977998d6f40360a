"""Site-wide pages: about, accessibility statement, document verification and downloads,
error pages."""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from portal.documents.responses import issued_document_response
from portal.documents.verify import verify_pdf, verify_sha256
from portal.forms import VerifyDocumentForm
from portal.models import IssuedDocument


def about(request):
    return render(request, "portal/about.html")


def accessibility(request):
    return render(request, "portal/accessibility.html")


@require_http_methods(["GET", "HEAD", "POST"])
def verify_document(request):
    """Kontrollera ett dokument: upload a PDF or paste its SHA-256."""
    verification = None
    if request.method == "POST":
        form = VerifyDocumentForm(request.POST, request.FILES)
        if form.is_valid():
            content = form.cleaned_data["file"]
            verification = (
                verify_pdf(content) if content else verify_sha256(form.cleaned_data["sha256"])
            )
    else:
        form = VerifyDocumentForm()
    return render(
        request,
        "portal/verify.html",
        # A rejected file is an answer too (in Swedish, on the page), not an error: 200.
        {"form": form, "verification": verification},
    )


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
