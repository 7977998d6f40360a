"""Admin for issued documents: read-only list, and the upload of a scanned original."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from portal.documents.scanned import read_scanned_original_upload
from portal.documents.seal import sha256_hex
from portal.models import IssuedDocument
from portal.services import document_attach_scanned_original


def document_choices() -> list[tuple[str, str]]:
    """Every document an editor may attach a scanned original to (PORTAL_DOCUMENT_MODELS)."""
    choices = []
    for label in settings.PORTAL_DOCUMENT_MODELS:
        app_label, model = label.split(".")
        content_type = ContentType.objects.get_by_natural_key(app_label, model)
        model_class = content_type.model_class()
        name = capfirst(model_class._meta.verbose_name)
        for obj in model_class.objects.order_by("title"):
            choices.append((f"{content_type.pk}:{obj.pk}", f"{name}: {obj}"))
    return choices


class ScannedOriginalForm(forms.ModelForm):
    """Attach an existing signed PDF (a scanned paper original) to a pledge or agreement."""

    target = forms.ChoiceField(label=_("Dokument"), choices=())
    upload = forms.FileField(
        label=_("PDF-fil"),
        allow_empty_file=True,
        help_text=_("Det undertecknade originalet som PDF."),
    )

    class Meta:
        model = IssuedDocument
        fields = ["signed_by", "note"]
        help_texts = {
            "signed_by": _("Lämna tomt för att använda dokumentets undertecknare."),
            "note": _("Till exempel ”Inskannat från pappersoriginalet”."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].choices = [("", "---------"), *document_choices()]

    def clean_target(self):
        content_type_id, object_id = self.cleaned_data["target"].split(":")
        model_class = ContentType.objects.get_for_id(int(content_type_id)).model_class()
        return model_class.objects.get(pk=int(object_id))

    def clean_upload(self):
        upload = self.cleaned_data["upload"]
        content = read_scanned_original_upload(upload)
        if IssuedDocument.objects.filter(sha256=sha256_hex(content)).exists():
            raise ValidationError(_("Den här filen finns redan i portalen."), code="duplicate")
        return upload


@admin.register(IssuedDocument)
class IssuedDocumentAdmin(admin.ModelAdmin):
    list_display = ["title", "version", "kind", "issued_at", "short_sha256"]
    list_filter = ["kind", "content_type"]
    search_fields = ["title", "sha256"]
    list_select_related = ["content_type"]
    date_hierarchy = "issued_at"
    readonly_fields = [
        "content_type",
        "object_id",
        "version",
        "kind",
        "file",
        "sha256",
        "size",
        "title",
        "file_name",
        "document_path",
        "signed_by",
        "sealed_by",
        "content_fingerprint",
        "note",
        "issued_at",
        "issued_by",
    ]

    @admin.display(description=_("SHA-256"))
    def short_sha256(self, obj: IssuedDocument) -> str:
        return f"{obj.sha256[:16]}…"

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            kwargs["form"] = ScannedOriginalForm
            kwargs["fields"] = ["target", "upload", "signed_by", "note"]
        return super().get_form(request, obj, change=change, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields if obj is not None else []

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return [(None, {"fields": ["target", "upload", "signed_by", "note"]})]
        return super().get_fieldsets(request, obj)

    def has_change_permission(self, request, obj=None) -> bool:
        return False  # issued documents are frozen; a new file is a new version

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def save_model(self, request, obj, form, change) -> None:
        document = form.cleaned_data["target"]
        signed_by = form.cleaned_data["signed_by"]
        if not signed_by and hasattr(document, "signatories"):
            signed_by = "\n".join(
                f"{s.name}, {s.title}, {s.organisation}" for s in document.signatories.all()
            )
        issued = document_attach_scanned_original(
            document=document,
            upload=form.cleaned_data["upload"],
            title=str(document),
            path=document.get_absolute_url(),
            signed_by=signed_by,
            note=form.cleaned_data["note"],
            issued_by=request.user,
        )
        # The admin goes on with ``obj`` (messages, redirect): make it the stored row.
        obj.__dict__.update(issued.__dict__)

    def save_related(self, request, form, formsets, change) -> None:
        pass  # no relations beyond those the service wrote
