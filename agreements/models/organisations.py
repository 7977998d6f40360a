"""The organisations that are parties to documents: municipalities and local police areas."""

from __future__ import annotations

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portal.text import fold


class County(models.TextChoices):
    """Sweden's 21 counties (län)."""

    STOCKHOLM = "stockholm", _("Stockholms län")
    UPPSALA = "uppsala", _("Uppsala län")
    SODERMANLAND = "sodermanland", _("Södermanlands län")
    OSTERGOTLAND = "ostergotland", _("Östergötlands län")
    JONKOPING = "jonkoping", _("Jönköpings län")
    KRONOBERG = "kronoberg", _("Kronobergs län")
    KALMAR = "kalmar", _("Kalmar län")
    GOTLAND = "gotland", _("Gotlands län")
    BLEKINGE = "blekinge", _("Blekinge län")
    SKANE = "skane", _("Skåne län")
    HALLAND = "halland", _("Hallands län")
    VASTRA_GOTALAND = "vastra-gotaland", _("Västra Götalands län")
    VARMLAND = "varmland", _("Värmlands län")
    OREBRO = "orebro", _("Örebro län")
    VASTMANLAND = "vastmanland", _("Västmanlands län")
    DALARNA = "dalarna", _("Dalarnas län")
    GAVLEBORG = "gavleborg", _("Gävleborgs län")
    VASTERNORRLAND = "vasternorrland", _("Västernorrlands län")
    JAMTLAND = "jamtland", _("Jämtlands län")
    VASTERBOTTEN = "vasterbotten", _("Västerbottens län")
    NORRBOTTEN = "norrbotten", _("Norrbottens län")


class PoliceRegion(models.TextChoices):
    """The Swedish Police Authority's seven regions."""

    NORD = "nord", _("Nord")
    MITT = "mitt", _("Mitt")
    STOCKHOLM = "stockholm", _("Stockholm")
    OST = "ost", _("Öst")
    VAST = "vast", _("Väst")
    SYD = "syd", _("Syd")
    BERGSLAGEN = "bergslagen", _("Bergslagen")


class PartyKind(models.TextChoices):
    """Who a commitment, duty or signatory belongs to."""

    POLICE = "police", _("Polisen")
    MUNICIPALITY = "municipality", _("Kommunen")
    JOINT = "joint", _("Gemensamt")


class PoliceArea(models.Model):
    """A local police area (lokalpolisområde); covers one or more municipalities."""

    name = models.CharField(_("namn"), max_length=100)
    slug = models.SlugField(_("kortnamn i adressen"), max_length=100, unique=True)
    region = models.CharField(_("polisregion"), max_length=20, choices=PoliceRegion.choices)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("lokalpolisområde")
        verbose_name_plural = _("lokalpolisområden")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("pledges:police_area", kwargs={"slug": self.slug})


class MunicipalityManager(models.Manager):
    """Every municipality comes with its police area: the follow-up asks a document's
    municipalities for it (a text that names no police area is followed up by the one
    named in the portal), and a prefetch of ``municipalities`` then costs no more queries.
    """

    def get_queryset(self) -> models.QuerySet:
        return super().get_queryset().select_related("police_area")


class Municipality(models.Model):
    """A municipality (kommun)."""

    name = models.CharField(_("namn"), max_length=100)
    official_name = models.CharField(
        _("officiellt namn"), max_length=120, help_text=_("Till exempel ”Nordmalings kommun”.")
    )
    slug = models.SlugField(_("kortnamn i adressen"), max_length=100, unique=True)
    code = models.CharField(
        _("kommunkod"),
        max_length=4,
        unique=True,
        validators=[RegexValidator(r"^[0-9]{4}$", _("Kommunkoden består av fyra siffror."))],
    )
    county = models.CharField(_("län"), max_length=30, choices=County.choices)
    police_area = models.ForeignKey(
        PoliceArea,
        verbose_name=_("lokalpolisområde"),
        on_delete=models.PROTECT,
        related_name="municipalities",
        null=True,
        blank=True,
        help_text=_("Lämnas tomt om det inte är känt."),
    )
    # Folded name ("mala" for "Malå") so that search forgives case and å/ä/ö.
    search_name = models.CharField(max_length=100, editable=False, db_index=True)
    history = HistoricalRecords()

    objects = MunicipalityManager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("kommun")
        verbose_name_plural = _("kommuner")
        constraints = [
            models.CheckConstraint(
                condition=Q(code__regex=r"^[0-9]{4}$"), name="municipality_code_four_digits"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.search_name = fold(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("pledges:municipality", kwargs={"slug": self.slug})
