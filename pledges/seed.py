"""Load the seed documents (fixtures/) into the database, idempotently.

Every object is found by its natural key (slug, or parent and position) and saved only
when a value differs, so running the loader twice writes nothing and adds no history.
A new document is written as a draft and published once all its parts are in; a
published document is never changed (the model refuses it), so a seed that no longer
matches its published text stops the loader with a message instead.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import models, transaction

from agreements.models import (
    Agreement,
    AgreementDuty,
    AgreementGoal,
    AgreementSignatory,
    DocumentFrozenError,
    Municipality,
    PoliceArea,
)
from pledges.models import Commitment, FocusArea, Pledge, PledgeSignatory
from portal.choices import PublicationStatus
from portal.page_cache import bump_all

FIXTURES_DIR = Path(settings.BASE_DIR) / "fixtures"


class SeedConflict(Exception):
    """A seed no longer matches the published document it was loaded into."""


@dataclass
class SeedReport:
    created: int = 0
    updated: int = 0
    deleted: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.deleted)


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


class _Loader:
    def __init__(self) -> None:
        self.report = SeedReport()

    def upsert(self, model: type[models.Model], lookup: dict, values: dict) -> Any:
        obj = model.objects.filter(**lookup).first()
        if obj is None:
            obj = model(**lookup, **values)
            obj.full_clean()
            obj.save()
            self.report.created += 1
            return obj
        changed = [name for name, value in values.items() if getattr(obj, name) != value]
        if changed:
            for name in changed:
                setattr(obj, name, values[name])
            obj.full_clean()
            obj.save()
            self.report.updated += 1
        return obj

    def set_m2m(self, manager, objects: list[models.Model]) -> None:
        if {o.pk for o in manager.all()} != {o.pk for o in objects}:
            manager.set(objects)
            self.report.updated += 1

    def sync_children(self, model: type[models.Model], parent: dict, rows: list[dict]) -> list:
        """Make the children of ``parent`` equal ``rows``, matched by position."""
        existing = list(model.objects.filter(**parent).order_by("order", "pk"))
        result = []
        for position, values in enumerate(rows):
            values = {**values, "order": position}
            if position < len(existing):
                obj = existing[position]
                changed = [n for n, v in values.items() if getattr(obj, n) != v]
                if changed:
                    for name in changed:
                        setattr(obj, name, values[name])
                    obj.full_clean()
                    obj.save()
                    self.report.updated += 1
            else:
                obj = model(**parent, **values)
                obj.full_clean()
                obj.save()
                self.report.created += 1
            result.append(obj)
        for obj in existing[len(rows) :]:
            obj.delete()
            self.report.deleted += 1
        return result

    # Parties ---------------------------------------------------------------

    def load_parties(self, data: dict) -> None:
        for row in data["police_areas"]:
            self.upsert(
                PoliceArea, {"slug": row["slug"]}, {"name": row["name"], "region": row["region"]}
            )
        areas = {a.slug: a for a in PoliceArea.objects.all()}
        for row in data["municipalities"]:
            self.upsert(
                Municipality,
                {"slug": row["slug"]},
                {
                    "name": row["name"],
                    "official_name": row["official_name"],
                    "code": row["code"],
                    "county": row["county"],
                    "police_area": areas.get(row["police_area"]) if row["police_area"] else None,
                },
            )

    def _parties(self, row: dict) -> tuple[PoliceArea | None, list[Municipality]]:
        area = PoliceArea.objects.get(slug=row["police_area"]) if row.get("police_area") else None
        municipalities = list(Municipality.objects.filter(slug__in=row["municipalities"]))
        if len(municipalities) != len(row["municipalities"]):
            raise ValueError(f"Unknown municipality in {row['slug']}: {row['municipalities']}")
        return area, municipalities

    # Documents -------------------------------------------------------------

    def load_document(self, load, row: dict):
        """Load one document with ``load``; publish it once all its parts are in."""
        try:
            document = load(row)
        except DocumentFrozenError:
            raise SeedConflict(
                f"{row['slug']} is published and its seed text differs from it. A published "
                "document is never changed: draft and sign a revision in the portal instead."
            ) from None
        if document.status == PublicationStatus.DRAFT:
            document.status = PublicationStatus.PUBLISHED
            document.full_clean()
            document.save()
        return document

    def load_agreement(self, row: dict) -> Agreement:
        area, municipalities = self._parties(row)
        agreement = self.upsert(
            Agreement,
            {"slug": row["slug"]},
            {
                "title": row["title"],
                "police_area": area,
                "police_party_name": row.get("police_party_name", "Polismyndigheten"),
                "valid_from": _date(row["valid_from"]),
                "valid_until": _date(row.get("valid_until")),
                "extends_until_further_notice": row.get("extends_until_further_notice", False),
                "introduction": row.get("introduction", ""),
                "goals_introduction": row.get("goals_introduction", ""),
                "strategy": row.get("strategy", ""),
                "follow_up": row.get("follow_up", ""),
                "follow_up_interval_years": row.get("follow_up_interval_years"),
                "followed_up_by": row.get("followed_up_by", ""),
                "source_note": row.get("source_note", ""),
            },
        )
        self.set_m2m(agreement.municipalities, municipalities)
        self.sync_children(
            AgreementGoal, {"agreement": agreement}, [{"text": t} for t in row.get("goals", [])]
        )
        self.sync_children(
            AgreementDuty,
            {"agreement": agreement},
            [
                {"lead_in": d.get("lead_in", ""), "party": d["party"], "text": d["text"]}
                for d in row.get("duties", [])
            ],
        )
        self.sync_children(AgreementSignatory, {"agreement": agreement}, self._signatories(row))
        return agreement

    def _signatories(self, row: dict) -> list[dict]:
        return [
            {
                "name": s["name"],
                "title": s["title"],
                "party": s["party"],
                "organisation": s["organisation"],
                "signed_on": _date(s.get("signed_on")),
            }
            for s in row.get("signatories", [])
        ]

    def load_pledge(self, row: dict) -> Pledge:
        area, municipalities = self._parties(row)
        pledge = self.upsert(
            Pledge,
            {"slug": row["slug"]},
            {
                "title": row["title"],
                "police_area": area,
                "agreement": (
                    Agreement.objects.get(slug=row["agreement"]) if row.get("agreement") else None
                ),
                "predecessor": (
                    Pledge.objects.get(slug=row["predecessor"]) if row.get("predecessor") else None
                ),
                "period_start": _date(row["period_start"]),
                "period_end": _date(row["period_end"]),
                "background": row.get("background", ""),
                "basis": row.get("basis", ""),
                "goal": row.get("goal", ""),
                "effects": row.get("effects", ""),
                "feedback": row.get("feedback", ""),
                "follow_up": row.get("follow_up", ""),
                "source_note": row.get("source_note", ""),
            },
        )
        self.set_m2m(pledge.municipalities, municipalities)
        areas = self.sync_children(
            FocusArea,
            {"pledge": pledge},
            [{"title": f["title"], "description": f["description"]} for f in row["focus_areas"]],
        )
        by_title = {area.title: area for area in areas}
        named = {m.slug: m for m in municipalities}
        self.sync_children(
            Commitment,
            {"pledge": pledge},
            [
                {
                    "text": c["text"],
                    "focus_area": by_title[c["focus_area"]] if c.get("focus_area") else None,
                    "responsible": c["responsible"],
                    "responsible_municipality": named.get(c.get("responsible_municipality")),
                    "kind": c["kind"],
                    "yearly_target": c.get("yearly_target"),
                }
                for c in row["commitments"]
            ],
        )
        self.sync_children(PledgeSignatory, {"pledge": pledge}, self._signatories(row))
        return pledge


def seed_files(directory: Path = FIXTURES_DIR) -> list[Path]:
    """The seed document files, in a stable order."""
    return sorted((directory / "documents").glob("*.json"))


@transaction.atomic
def load_seed_documents(directory: Path = FIXTURES_DIR) -> SeedReport:
    """Load the parties and every seed document; running it again changes nothing."""
    loader = _Loader()
    loader.load_parties(json.loads((directory / "parties.json").read_text(encoding="utf-8")))
    for path in seed_files(directory):
        data = json.loads(path.read_text(encoding="utf-8"))
        for row in data.get("agreements", []):
            loader.load_document(loader.load_agreement, row)
        for row in data.get("pledges", []):
            loader.load_document(loader.load_pledge, row)
    # A bulk write: every cached public page renders afresh (portal/page_cache.py).
    transaction.on_commit(bump_all)
    return loader.report
