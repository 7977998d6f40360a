"""The form that proposes a police area for a municipality, from either side."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from agreements.models import Municipality, Party, PoliceArea
from portal.forms import DescribedErrorsMixin


class ProposeForm(DescribedErrorsMixin, forms.Form):
    """The police side chooses a municipality; the municipality's side a police area."""

    def __init__(self, *args, party: Party, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if party.is_police:
            self.fields["municipality"] = forms.ModelChoiceField(
                label=_("Kommun"),
                queryset=Municipality.objects.exclude(police_area=party.police_area),
                empty_label=_("Välj kommun"),
                help_text=_(
                    "Kommunen som lokalpolisområdet svarar för. Kommunens administratör "
                    "godkänner förslaget."
                ),
                error_messages={
                    "required": _("Välj en kommun."),
                    "invalid_choice": _("Välj en kommun i listan."),
                },
            )
        else:
            queryset = PoliceArea.objects.all()
            if party.municipality.police_area_id:
                queryset = queryset.exclude(pk=party.municipality.police_area_id)
            self.fields["police_area"] = forms.ModelChoiceField(
                label=_("Lokalpolisområde"),
                queryset=queryset,
                empty_label=_("Välj lokalpolisområde"),
                help_text=_(
                    "Lokalpolisområdet som svarar för kommunen. Lokalpolisområdets "
                    "redaktör eller administratör godkänner förslaget."
                ),
                error_messages={
                    "required": _("Välj ett lokalpolisområde."),
                    "invalid_choice": _("Välj ett lokalpolisområde i listan."),
                },
            )
