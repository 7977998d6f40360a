"""Forms for what pledges and agreements share."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.text import swedish_slug


class DatedDocumentAdminForm(forms.ModelForm):
    """The admin's form for a pledge or an agreement: a slug left empty is made from the
    title.

    The slug is made here, on the server, rather than by the admin's prepopulating
    JavaScript, which drops an en dash ("2023–2024" became "20232024") and cuts a long
    slug without a word.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields["slug"].help_text = _(
                "Adressen på portalen, till exempel ”mala-2024”. Lämna tomt så skapas den av "
                "rubriken. En ändrad adress leder vidare från den gamla."
            )

    def clean(self) -> dict:
        cleaned = super().clean()
        typed = "slug" not in self.fields or cleaned.get("slug") or "slug" in self.errors
        if not typed and cleaned.get("title"):
            slug = swedish_slug(cleaned["title"])
            limit = self._meta.model._meta.get_field("slug").max_length
            if not slug:
                self.add_error("slug", _("Rubriken ger ingen adress. Skriv ett kortnamn."))
            elif len(slug) > limit:
                self.add_error(
                    "slug",
                    _(
                        "Adressen som rubriken ger blir %(length)d tecken lång, men får vara "
                        "högst %(limit)d. Skriv ett kortare kortnamn."
                    )
                    % {"length": len(slug), "limit": limit},
                )
            else:
                cleaned["slug"] = slug
        return cleaned
