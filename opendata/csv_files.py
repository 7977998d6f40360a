"""The CSV files of the open data: progress per commitment and year, and the published
follow-ups' assessments.

Each file's columns are declared once, with a Swedish description that the page
"Öppna data" shows, so the page and the file cannot disagree. The files are UTF-8 with
a byte order mark, so that Excel reads å, ä and ö right, and separated by semicolons,
which Swedish Excel expects (the comma is the Swedish decimal sign). A cell that a
spreadsheet would take for a formula (starting with =, +, -, @, tab or carriage return)
gets a leading apostrophe.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from followup.activities.selectors import YearProgress
from followup.reviews.models import Review, ReviewItem
from opendata.schemas import absolute
from pledges.models import Commitment, Pledge

BOM = "\ufeff"
DELIMITER = ";"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """The cell's text; one a spreadsheet would run as a formula is made plain text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    text = str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


@dataclass(frozen=True)
class Column:
    name: str
    description: str
    value: Callable[..., object]


@dataclass(frozen=True)
class CsvFile:
    slug: str  # the file's name without .csv
    title: str
    row_description: str
    columns: tuple[Column, ...]


def render_csv(columns: Iterable[Column], rows: Iterable[tuple]) -> str:
    """The file's text: BOM, header, one line per row (each row the arguments of the
    columns' ``value``)."""
    columns = list(columns)
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, delimiter=DELIMITER, lineterminator="\r\n")
    writer.writerow([column.name for column in columns])
    for row in rows:
        writer.writerow([safe_cell(column.value(*row)) for column in columns])
    return buffer.getvalue()


def _names(document) -> str:
    return ", ".join(m.name for m in document.municipalities.all())


def _codes(document) -> str:
    return ", ".join(m.code for m in document.municipalities.all())


PROGRESS_FILE = CsvFile(
    slug="loften-per-ar",
    title=_("Löften och framsteg per år"),
    row_description=_(
        "En rad per löfte och år i varje publicerat medborgarlöfte: årets mål och vad som loggats."
    ),
    columns=(
        Column("medborgarlöfte", _("Medborgarlöftets kortnamn (id)."), lambda p, c, y: p.slug),
        Column("rubrik", _("Medborgarlöftets rubrik."), lambda p, c, y: p.title),
        Column(
            "gäller_från", _("Periodens första dag (ÅÅÅÅ-MM-DD)."), lambda p, c, y: p.period_start
        ),
        Column("gäller_till", _("Periodens sista dag (ÅÅÅÅ-MM-DD)."), lambda p, c, y: p.period_end),
        Column(
            "kommuner", _("Kommunerna som är parter, kommaseparerade."), lambda p, c, y: _names(p)
        ),
        Column("kommunkoder", _("Deras kommunkoder, i samma ordning."), lambda p, c, y: _codes(p)),
        Column(
            "lokalpolisområde",
            _("Lokalpolisområdet som texten namnger; tomt om den inte namnger något."),
            lambda p, c, y: p.police_area.name if p.police_area_id else "",
        ),
        Column(
            "fokusområde",
            _("Fokusområdets rubrik; tomt för löften utan fokusområde."),
            lambda p, c, y: c.focus_area.title if c.focus_area_id else "",
        ),
        Column("löfte_id", _("Löftets id, som i API:t."), lambda p, c, y: c.pk),
        Column("löfte", _("Löftets text."), lambda p, c, y: c.text),
        Column("ansvarig", _("Vem som ansvarar för löftet."), lambda p, c, y: c.responsible_label),
        Column(
            "typ", _("Löftets typ, t.ex. ”minst 6 gånger per år”."), lambda p, c, y: c.kind_label
        ),
        Column("år", _("Kalenderåret raden gäller."), lambda p, c, y: y.year),
        Column("mål", _("Årets mål (antal), för löften med mål per år."), lambda p, c, y: y.target),
        Column(
            "genomförda",
            _("Antal genomförda tillfällen som loggats för året."),
            lambda p, c, y: y.done,
        ),
        Column(
            "önskemål_inkomna",
            _("Önskemål som kommit in under året (löften vid önskemål)."),
            lambda p, c, y: y.received,
        ),
        Column(
            "önskemål_besvarade",
            _("Önskemål som besvarats under året."),
            lambda p, c, y: y.answered,
        ),
        Column(
            "uppföljt_i_portalen",
            _(
                "”nej” för ett passerat år som inte följdes upp i portalen: nollor betyder då "
                "inte att inget gjordes."
            ),
            lambda p, c, y: y.tracked,
        ),
        Column(
            "exempeldata",
            _("”ja” om siffrorna bygger på exempeldata."),
            lambda p, c, y: y.has_example,
        ),
        Column(
            "adress",
            _("Medborgarlöftets sida i portalen."),
            lambda p, c, y: absolute(p.get_absolute_url()),
        ),
    ),
)


def progress_rows(pledges: Iterable[Pledge]) -> Iterable[tuple[Pledge, Commitment, YearProgress]]:
    """(pledge, commitment, year) for every year of every commitment; expects
    attach_progress() to have run."""
    for pledge in pledges:
        for commitment in pledge.commitments.all():
            for year in commitment.years:
                yield pledge, commitment, year


def _document_type(review: Review) -> str:
    return str(_("medborgarlöfte") if review.pledge_id else _("samverkansöverenskommelse"))


ASSESSMENTS_FILE = CsvFile(
    slug="bedomningar",
    title=_("Uppföljningarnas bedömningar"),
    row_description=_(
        "En rad per bedömt löfte eller åtagande i varje publicerad uppföljning (rättade "
        "uppföljningar i sin senaste version)."
    ),
    columns=(
        Column(
            "uppföljning_id",
            _("Uppföljningens nummer, som i API:t och adressen."),
            lambda r, i: r.pk,
        ),
        Column(
            "dokumenttyp",
            _("”medborgarlöfte” eller ”samverkansöverenskommelse”."),
            lambda r, i: _document_type(r),
        ),
        Column(
            "dokument",
            _("Dokumentets kortnamn (id), den gällande revisionen."),
            lambda r, i: r.api_document_slug,
        ),
        Column("rubrik", _("Dokumentets rubrik."), lambda r, i: r.document.title),
        Column(
            "kommuner",
            _("Kommunerna som är parter, kommaseparerade."),
            lambda r, i: _names(r.document),
        ),
        Column(
            "kommunkoder", _("Deras kommunkoder, i samma ordning."), lambda r, i: _codes(r.document)
        ),
        Column("period_från", _("Uppföljningsperiodens första dag."), lambda r, i: r.period_start),
        Column("period_till", _("Uppföljningsperiodens sista dag."), lambda r, i: r.period_end),
        Column(
            "revision",
            _("Uppföljningens revision (2 och senare är rättelser)."),
            lambda r, i: r.revision,
        ),
        Column(
            "publicerad",
            _("Dagen uppföljningen publicerades."),
            lambda r, i: r.published_at.date() if r.published_at else "",
        ),
        Column("ordning", _("Radens ordning i uppföljningen."), lambda r, i: i.order),
        Column(
            "avsnitt",
            _("Avsnittet i uppföljningen (fokusområde eller part)."),
            lambda r, i: i.group,
        ),
        Column(
            "löfte", _("Löftets eller åtagandets text som den undertecknades."), lambda r, i: i.text
        ),
        Column(
            "löfte_id",
            _("Löftets id i revisionen uppföljningen gäller; tomt för åtaganden."),
            lambda r, i: i.commitment_id,
        ),
        Column("loggat", _("Vad som loggats under perioden, i ord."), lambda r, i: i.progress),
        Column(
            "bedömning",
            _(
                "Parternas bedömning: Genomfört, Delvis genomfört, Pågår, Ej genomfört, "
                "Ej aktuellt eller tomt (ej bedömt)."
            ),
            lambda r, i: i.get_assessment_display() if i.assessment else "",
        ),
        Column("bedömning_kod", _("Bedömningen som kod, som i API:t."), lambda r, i: i.assessment),
        Column("kommentar", _("Parternas kommentar."), lambda r, i: i.comment),
        Column(
            "adress",
            _("Uppföljningens sida i portalen."),
            lambda r, i: absolute(r.get_absolute_url()),
        ),
    ),
)


def assessment_rows(reviews: Iterable[Review]) -> Iterable[tuple[Review, ReviewItem]]:
    for review in reviews:
        for item in review.items.all():
            yield review, item


FILES = (PROGRESS_FILE, ASSESSMENTS_FILE)
