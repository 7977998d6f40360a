"""The workflow's pages and steps, the same for pledges and agreements: send a draft to
the signatories, the signing page (what is signed, who has signed, sign or send back),
and starting a revision of a published document."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from agreements.publishing import permissions, workflow
from agreements.publishing.registry import spec_for
from agreements.publishing.selectors import document_events, signing_state
from agreements.publishing.spec import PublishingSpec
from agreements.signing_forms import ReturnForm, SignForm
from portal.choices import PublicationStatus
from portal.forms import add_service_errors
from portal.people import has_full_name, profile_title

CONFLICT_MESSAGE = gettext_lazy(
    "Dokumentet har ändrats sedan du öppnade det. Läs igenom den nya versionen och försök igen."
)


class ContentVersionForm(forms.Form):
    content_version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


def _document(request, kind: str, pk: int):
    spec = spec_for(kind)
    try:
        document = spec.load(pk)
    except spec.model.DoesNotExist:
        raise Http404 from None
    if not permissions.can_view(request.user, document):
        # A draft is not there for anyone but its parties' editors and signatories.
        raise Http404
    return spec, document


@login_required
@require_POST
def submit(request, kind: str, pk: int):
    """The editors send the draft to the signatories."""
    spec, document = _document(request, kind, pk)
    if not permissions.can_edit(request.user, document):
        raise PermissionDenied
    form = ContentVersionForm(request.POST)
    if not form.is_valid():
        messages.error(request, CONFLICT_MESSAGE)
        return redirect(spec.draft_url(document))
    try:
        workflow.document_submit(
            spec=spec,
            user=request.user,
            document=document,
            content_version=form.cleaned_data["content_version"],
        )
    except workflow.DocumentConflict:
        messages.error(request, CONFLICT_MESSAGE)
        return redirect(spec.draft_url(document))
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect(spec.draft_url(document))
    messages.success(
        request,
        _(
            "Dokumentet är skickat till undertecknarna. Det kan inte ändras medan det väntar "
            "på underskrifter; en undertecknare kan skicka tillbaka det med en kommentar."
        ),
    )
    return redirect(spec.step_url("sign", document))


def signing_page(
    request,
    spec: PublishingSpec,
    document,
    *,
    sign_form: SignForm | None = None,
    return_form: ReturnForm | None = None,
    status: int = 200,
):
    state = signing_state(spec, document, request.user)
    events = document_events(document)
    last_return = next((e for e in events if e.kind == "returned"), None)
    may_sign = (
        document.status == PublicationStatus.SUBMITTED
        and permissions.can_sign(request.user, document)
        and bool(state.mine_missing)
    )
    # An account without a full name is asked for it instead of shown the form.
    needs_name = may_sign and not has_full_name(request.user)
    if sign_form is None:
        sign_form = SignForm(
            initial={
                "content_version": document.content_version,
                # The signature's title is the person's own, unless they change it here.
                "title": profile_title(request.user) if may_sign and not needs_name else "",
            }
        )
    return_form = return_form or ReturnForm()
    error_form = next((f for f in (sign_form, return_form) if f.is_bound and f.errors), None)
    context = {
        "spec": spec,
        "document": document,
        "state": state,
        "events": events,
        "last_return": last_return if document.status == PublicationStatus.DRAFT else None,
        "may_sign": may_sign,
        "needs_name": needs_name,
        "may_return": document.status == PublicationStatus.SUBMITTED
        and permissions.can_sign(request.user, document),
        "may_edit": document.is_editable and permissions.can_edit(request.user, document),
        "may_revise": document.is_published and permissions.can_edit(request.user, document),
        "sign_form": sign_form,
        "return_form": return_form,
        "error_form": error_form,
        "content_template": spec.content_template,
        "preview_pdf_url": spec.preview_pdf_url(document),
        **spec.page_context(document),
    }
    return render(request, "publishing/signing_page.html", context, status=status)


@login_required
def sign(request, kind: str, pk: int):
    """GET: what is signed, who has signed, the forms. POST: sign."""
    spec, document = _document(request, kind, pk)
    if request.method != "POST":
        return signing_page(request, spec, document)
    if not permissions.can_sign(request.user, document):
        raise PermissionDenied
    form = SignForm(request.POST)
    if form.is_confirmed(request):
        try:
            workflow.document_sign(
                spec=spec,
                user=request.user,
                document=document,
                password=form.cleaned_data["password"],
                content_version=form.cleaned_data["content_version"],
                title=form.cleaned_data["title"],
            )
        except workflow.DocumentConflict:
            messages.error(request, CONFLICT_MESSAGE)
            return redirect(spec.step_url("sign", document))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            document = spec.load(pk)
            if document.is_published:
                messages.success(
                    request,
                    _(
                        "Du har skrivit under. Alla parter har nu skrivit under och dokumentet "
                        "är publicerat för invånarna."
                    ),
                )
                return redirect(document.get_absolute_url())
            messages.success(request, _("Du har skrivit under. Dokumentet väntar på fler parter."))
            return redirect(spec.step_url("sign", document))
    return signing_page(request, spec, document, sign_form=form, status=400)


@login_required
@require_POST
def send_back(request, kind: str, pk: int):
    """A signatory sends the document back to the editors with a comment."""
    spec, document = _document(request, kind, pk)
    if not permissions.can_sign(request.user, document):
        raise PermissionDenied
    form = ReturnForm(request.POST)
    if form.is_valid():
        try:
            workflow.document_return(
                spec=spec,
                user=request.user,
                document=document,
                comment=form.cleaned_data["comment"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("Dokumentet är tillbaka hos redaktörerna som utkast med din kommentar.")
            )
            return redirect(spec.step_url("sign", document))
    return signing_page(request, spec, document, return_form=form, status=400)


@login_required
@require_POST
def revise(request, kind: str, pk: int):
    """An editor starts a new revision of a published document."""
    spec, document = _document(request, kind, pk)
    try:
        revision = workflow.document_revise(spec=spec, user=request.user, document=document)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect(spec.step_url("sign", document))
    messages.success(
        request,
        _(
            "En ny revision är påbörjad som utkast. Den publicerade versionen gäller tills "
            "alla parter har skrivit under den nya."
        ),
    )
    return redirect(spec.draft_url(revision))
