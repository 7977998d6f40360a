"""Citizen pledges (medborgarlöften), their focus areas, commitments and signatories."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.models import HistoricalRecords

from agreements.models import (
    Agreement,
    DatedDocument,
    DocumentPart,
    FormerSlug,
    Municipality,
    Party,
    PartyKind,
    Signatory,
    followup_parties,
)
from agreements.models.signoffs import SignOff, once_per_party
from portal.choices import Phase


class Pledge(DatedDocument):
    """A citizen pledge: concrete promises by a police area and one or more municipalities."""

    municipalities = models.ManyToManyField(
        Municipality, verbose_name=_("kommuner"), related_name="pledges"
    )
    agreement = models.ForeignKey(
        Agreement,
        verbose_name=_("vilar på samverkansöverenskommelse"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="pledges",
    )
    predecessor = models.OneToOneField(
        "self",
        verbose_name=_("föregående medborgarlöfte"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="successor",
    )
    period_start = models.DateField(_("gäller från"))
    period_end = models.DateField(_("gäller till och med"))
    background = models.TextField(_("bakgrund"), blank=True)
    basis = models.TextField(
        _("underlag"),
        blank=True,
        help_text=_(
            "Vad löftet bygger på: medborgardialoger, trygghetsundersökning, lägesbilder …"
        ),
    )
    goal = models.TextField(_("mål"), blank=True)
    effects = models.TextField(
        _("förväntade effekter"),
        blank=True,
        help_text=_("Vad parterna väntar sig att löftet ska leda till, om texten säger det."),
    )
    feedback = models.TextField(_("återkoppling till invånarna"), blank=True)
    follow_up = models.TextField(_("uppföljning"), blank=True)
    published_on = models.DateField(_("publicerat"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-period_start", "title"]
        verbose_name = _("medborgarlöfte")
        verbose_name_plural = _("medborgarlöften")
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="pledge_period_end_not_before_start",
                violation_error_message=_("Periodens slut kan inte ligga före dess början."),
            ),
        ]

    def clean(self) -> None:
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError(
                {"period_end": _("Periodens slut kan inte ligga före dess början.")}
            )

    def get_absolute_url(self) -> str:
        return reverse("pledges:detail", kwargs={"slug": self.slug})

    def mark_published(self, today: datetime.date) -> None:
        super().mark_published(today)
        self.published_on = self.published_on or today

    @property
    def period_label(self) -> str:
        return self.years_label(self.period_start, self.period_end)

    def phase(self, today: datetime.date | None = None) -> Phase:
        today = today or timezone.localdate()
        if today < self.period_start:
            return Phase.UPCOMING
        if today > self.period_end:
            return Phase.ENDED
        return Phase.CURRENT

    def phase_sentence(self, today: datetime.date | None = None) -> str:
        """The pledge's validity today as one plain Swedish sentence."""
        phase = self.phase(today)
        start = date_format(self.period_start, "j F Y")
        end = date_format(self.period_end, "j F Y")
        if phase == Phase.UPCOMING:
            return _("Medborgarlöftet börjar gälla %(start)s.") % {"start": start}
        if phase == Phase.CURRENT:
            return _("Medborgarlöftet gäller nu, till och med %(end)s.") % {"end": end}
        return _("Medborgarlöftet gällde %(period)s och har avslutats.") % {
            "period": self.period_label
        }

    @property
    def superseded(self) -> bool:
        """Whether the next pledge of the same parties is published: this one then moves to
        the archive, even before its period ends. Select "successor" to ask without a query."""
        try:
            return self.successor.is_frozen
        except Pledge.DoesNotExist:
            return False

    @property
    def years(self) -> list[int]:
        return list(range(self.period_start.year, self.period_end.year + 1))

    @property
    def has_text(self) -> bool:
        """False for pledges known only by name (their text is not yet entered)."""
        return bool(self.background or self.basis or self.goal or self.commitments.all())


class FocusArea(DocumentPart):
    """A focus area (fokusområde) of a pledge, e.g. Droger or Trafik."""

    document_field = "pledge"

    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="focus_areas")
    title = models.CharField(_("rubrik"), max_length=160)
    description = models.TextField(_("beskrivning"), blank=True)
    order = models.PositiveSmallIntegerField(_("ordning"), default=0)
    # The focus area of the previous revision this one was copied from: the follow-up
    # (planned activities) continues on the copy when the revision is published.
    copied_from = models.ForeignKey(
        "self",
        verbose_name=_("kopierat från"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="copies",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("fokusområde")
        verbose_name_plural = _("fokusområden")
        constraints = [
            models.UniqueConstraint(
                fields=["pledge", "title"],
                name="focus_area_unique_title_per_pledge",
                violation_error_message=_("Löftet har redan ett fokusområde med den rubriken."),
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Commitment(DocumentPart):
    """One promise (löfte, åtagande, insats) of a pledge."""

    document_field = "pledge"

    class Responsible(models.TextChoices):
        POLICE = PartyKind.POLICE.value, _("Polisen")
        MUNICIPALITY = PartyKind.MUNICIPALITY.value, _("Kommunen")
        JOINT = PartyKind.JOINT.value, _("Kommunen och polisen gemensamt")
        NAMED_MUNICIPALITY = "named_municipality", _("En namngiven kommun")

    class Kind(models.TextChoices):
        YEARLY_TARGET = "yearly_target", _("Mål per år")
        ONGOING = "ongoing", _("Löpande")
        ON_REQUEST = "on_request", _("Vid önskemål")
        ONE_OFF = "one_off", _("En gång under perioden")

    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="commitments")
    focus_area = models.ForeignKey(
        FocusArea,
        verbose_name=_("fokusområde"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="commitments",
    )
    text = models.TextField(_("löfte"))
    responsible = models.CharField(
        _("ansvarig"), max_length=20, choices=Responsible.choices, default=Responsible.JOINT
    )
    responsible_municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("ansvarig kommun"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # Optional: a commitment whose text gives no kind is shown without one, never with an
    # invented one.
    kind = models.CharField(_("typ"), max_length=20, choices=Kind.choices, blank=True)
    yearly_target = models.PositiveIntegerField(
        _("antal per år"),
        null=True,
        blank=True,
        help_text=_("Endast för löften med mål per år, till exempel 6 för ”minst sex tillfällen”."),
    )
    order = models.PositiveSmallIntegerField(_("ordning"), default=0)
    # The commitment of the previous revision this one was copied from (none for one an
    # editor added in the revision): the activity log continues on the copy when the
    # revision is published.
    copied_from = models.ForeignKey(
        "self",
        verbose_name=_("kopierat från"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="copies",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("löfte")
        verbose_name_plural = _("löften")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(kind="yearly_target", yearly_target__isnull=False, yearly_target__gte=1)
                    | (~Q(kind="yearly_target") & Q(yearly_target__isnull=True))
                ),
                name="commitment_target_only_for_yearly_kind",
                violation_error_message=_(
                    "Ange ett antal per år (minst 1) för löften med mål per år, "
                    "och inget antal för andra typer."
                ),
            ),
            models.CheckConstraint(
                condition=(
                    Q(responsible="named_municipality", responsible_municipality__isnull=False)
                    | (
                        ~Q(responsible="named_municipality")
                        & Q(responsible_municipality__isnull=True)
                    )
                ),
                name="commitment_named_municipality_iff_responsible",
                violation_error_message=_(
                    "Välj ansvarig kommun endast när en namngiven kommun är ansvarig."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.text

    def clean(self) -> None:
        errors = {}
        if self.kind == self.Kind.YEARLY_TARGET and not self.yearly_target:
            errors["yearly_target"] = _("Ange hur många gånger per år (minst 1).")
        if self.kind != self.Kind.YEARLY_TARGET and self.yearly_target is not None:
            errors["yearly_target"] = _("Antal per år anges bara för löften med mål per år.")
        if self.responsible == self.Responsible.NAMED_MUNICIPALITY:
            if not self.responsible_municipality_id:
                errors["responsible_municipality"] = _("Välj vilken kommun som är ansvarig.")
        elif self.responsible_municipality_id:
            errors["responsible_municipality"] = _(
                "Ansvarig kommun anges bara när en namngiven kommun är ansvarig."
            )
        if self.focus_area_id and self.pledge_id and self.focus_area.pledge_id != self.pledge_id:
            errors["focus_area"] = _("Fokusområdet hör till ett annat medborgarlöfte.")
        if errors:
            raise ValidationError(errors)

    @property
    def kind_label(self) -> str:
        """The kind in plain words: "minst 6 gånger per år", "vid önskemål"; "" if unset."""
        if not self.kind:
            return ""
        if self.kind == self.Kind.YEARLY_TARGET:
            return ngettext(
                "minst %(n)d gång per år", "minst %(n)d gånger per år", self.yearly_target
            ) % {"n": self.yearly_target}
        return {
            self.Kind.ONGOING: _("löpande under perioden"),
            self.Kind.ON_REQUEST: _("vid önskemål"),
            self.Kind.ONE_OFF: _("en gång under perioden"),
        }[self.Kind(self.kind)]

    def answering_parties(self) -> list[Party]:
        """The parties that answer for this commitment (from the pledge's loaded parties).

        A joint commitment belongs to every party; the police's to the police area; the
        municipality's to the pledge's municipalities; a named municipality's to that
        municipality only.
        """
        parties = followup_parties(self.pledge)
        if self.responsible == self.Responsible.POLICE:
            return [p for p in parties if p.is_police]
        if self.responsible == self.Responsible.MUNICIPALITY:
            return [p for p in parties if not p.is_police]
        if self.responsible == self.Responsible.NAMED_MUNICIPALITY:
            return [
                p
                for p in parties
                if not p.is_police and p.municipality.pk == self.responsible_municipality_id
            ]
        return parties

    @property
    def responsible_label(self) -> str:
        if self.responsible == self.Responsible.NAMED_MUNICIPALITY:
            return self.responsible_municipality.official_name
        if self.responsible == self.Responsible.MUNICIPALITY:
            # "Kommunerna" when the pledge has several municipalities (Södra Fyrbodal).
            return str(_("Kommunen"))
        return self.get_responsible_display()


class PledgeSignatory(Signatory):
    document_field = "pledge"
    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="signatories")
    history = HistoricalRecords()

    class Meta(Signatory.Meta):
        verbose_name = _("undertecknare")
        verbose_name_plural = _("undertecknare")


class PledgeFormerSlug(FormerSlug):
    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="former_slugs")

    class Meta(FormerSlug.Meta):
        verbose_name = _("tidigare adress")
        verbose_name_plural = _("tidigare adresser")


class PledgeSignOff(SignOff):
    """One party's signature, in the portal, on one content version of a pledge."""

    pledge = models.ForeignKey(Pledge, on_delete=models.PROTECT, related_name="sign_offs")

    class Meta(SignOff.Meta):
        constraints = [*SignOff.Meta.constraints, *once_per_party("pledge", "pledge")]

    def document_is_frozen(self) -> bool:
        return Pledge.objects.frozen().filter(pk=self.pledge_id).exists()
