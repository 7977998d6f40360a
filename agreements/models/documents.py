"""Collaboration agreements (samverkansöverenskommelser): goals, duties, signatories."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from agreements.models.dated import DatedDocument, DocumentPart, FormerSlug, Signatory
from agreements.models.organisations import Municipality, PartyKind
from agreements.models.signoffs import SignOff, once_per_party
from portal.choices import Phase


class Agreement(DatedDocument):
    """A collaboration agreement (samverkansöverenskommelse): police and municipalities."""

    police_party_name = models.CharField(
        _("polisens part som den skrivs i dokumentet"), max_length=120, default="Polismyndigheten"
    )
    municipalities = models.ManyToManyField(
        Municipality, verbose_name=_("kommuner"), related_name="agreements"
    )
    predecessor = models.OneToOneField(
        "self",
        verbose_name=_("föregående överenskommelse"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="successor",
    )
    valid_from = models.DateField(_("gäller från"))
    valid_until = models.DateField(_("gäller till och med"), null=True, blank=True)
    extends_until_further_notice = models.BooleanField(
        _("förlängs tills vidare"),
        default=False,
        help_text=_("Gäller vidare efter slutdatum om ingen ny överenskommelse har tecknats."),
    )
    introduction = models.TextField(_("inledning"), blank=True)
    goals_introduction = models.TextField(_("inledning till målen"), blank=True)
    strategy = models.TextField(_("strategiska förutsättningar för samverkan"), blank=True)
    follow_up = models.TextField(_("uppföljning"), blank=True)
    follow_up_interval_years = models.PositiveSmallIntegerField(
        _("uppföljning vart n:e år"), null=True, blank=True
    )
    followed_up_by = models.CharField(_("vem som följer upp"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-valid_from", "title"]
        verbose_name = _("samverkansöverenskommelse")
        verbose_name_plural = _("samverkansöverenskommelser")
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gte=models.F("valid_from")),
                name="agreement_valid_until_not_before_valid_from",
                violation_error_message=_("Slutdatum kan inte ligga före startdatum."),
            ),
            models.CheckConstraint(
                condition=Q(follow_up_interval_years__isnull=True)
                | Q(follow_up_interval_years__gte=1),
                name="agreement_follow_up_interval_positive",
                violation_error_message=_("Uppföljningsintervallet måste vara minst ett år."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("agreements:detail", kwargs={"slug": self.slug})

    @property
    def police_party_label(self) -> str:
        return self.police_party_name

    def clean(self) -> None:
        if self.valid_until and self.valid_from and self.valid_until < self.valid_from:
            raise ValidationError({"valid_until": _("Slutdatum kan inte ligga före startdatum.")})

    @property
    def validity_years(self) -> str:
        return self.years_label(self.valid_from, self.valid_until)

    def has_successor(self) -> bool:
        """Whether a published agreement has replaced this one (expects prefetched successor)."""
        try:
            return self.successor.is_published
        except Agreement.DoesNotExist:
            return False

    def phase(self, today: datetime.date | None = None) -> Phase:
        today = today or timezone.localdate()
        if today < self.valid_from:
            return Phase.UPCOMING
        if self.valid_until is None or today <= self.valid_until:
            return Phase.CURRENT
        if self.extends_until_further_notice and not self.has_successor():
            return Phase.EXTENDED
        return Phase.ENDED

    def phase_sentence(self, today: datetime.date | None = None) -> str:
        """The agreement's validity today as one plain Swedish sentence."""
        phase = self.phase(today)
        start = date_format(self.valid_from, "j F Y")
        end = date_format(self.valid_until, "j F Y") if self.valid_until else ""
        if phase == Phase.UPCOMING:
            return _("Överenskommelsen börjar gälla %(start)s.") % {"start": start}
        if phase == Phase.CURRENT:
            if not end:
                return _("Överenskommelsen gäller sedan %(start)s.") % {"start": start}
            return _("Överenskommelsen gäller till och med %(end)s.") % {"end": end}
        if phase == Phase.EXTENDED:
            return _(
                "Överenskommelsen gällde till och med %(end)s. Ingen ny överenskommelse har "
                "tecknats, så den förlängs tills vidare."
            ) % {"end": end}
        return (
            _("Överenskommelsen gällde till och med %(end)s och har ersatts.") % {"end": end}
            if self.has_successor()
            else _("Överenskommelsen gällde till och med %(end)s.") % {"end": end}
        )

    @property
    def validity_label(self) -> str:
        """Validity in plain words: "gäller 2019–2022, förlängs tills vidare"."""
        label = _("gäller %(years)s") % {"years": self.validity_years}
        if self.extends_until_further_notice:
            label += ", " + str(_("förlängs tills vidare"))
        return label


class AgreementGoal(DocumentPart):
    """One goal of an agreement, in the agreement's order."""

    document_field = "agreement"

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="goals")
    text = models.TextField(_("mål"))
    order = models.PositiveSmallIntegerField(_("ordning"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("mål")
        verbose_name_plural = _("mål")

    def __str__(self) -> str:
        return self.text


class AgreementDuty(DocumentPart):
    """What one party (or both together) undertakes in an agreement."""

    document_field = "agreement"

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="duties")
    lead_in = models.TextField(
        _("inledande stycke"),
        blank=True,
        help_text=_("Stycket i överenskommelsen som står före åtagandet, om något."),
    )
    party = models.CharField(_("part"), max_length=20, choices=PartyKind.choices)
    text = models.TextField(_("åtagande"))
    order = models.PositiveSmallIntegerField(_("ordning"), default=0)
    # The duty of the previous revision this one was copied from (none for one added in
    # the revision).
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
        verbose_name = _("partens åtagande")
        verbose_name_plural = _("parternas åtaganden")

    def __str__(self) -> str:
        return self.text


class AgreementSignatory(Signatory):
    document_field = "agreement"
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="signatories")
    history = HistoricalRecords()

    class Meta(Signatory.Meta):
        verbose_name = _("undertecknare")
        verbose_name_plural = _("undertecknare")


class AgreementFormerSlug(FormerSlug):
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="former_slugs")

    class Meta(FormerSlug.Meta):
        verbose_name = _("tidigare adress")
        verbose_name_plural = _("tidigare adresser")


class AgreementSignOff(SignOff):
    """One party's signature, in the portal, on one content version of an agreement."""

    agreement = models.ForeignKey(Agreement, on_delete=models.PROTECT, related_name="sign_offs")

    class Meta(SignOff.Meta):
        constraints = [*SignOff.Meta.constraints, *once_per_party("agreement", "agreement")]

    def document_is_frozen(self) -> bool:
        return Agreement.objects.frozen().filter(pk=self.agreement_id).exists()
