"""Which cached public pages a write changes (portal/page_cache.py): the scopes of a
document, a municipality and a police area, and the receivers that bump them.

Each app watches its own models in ready() with ``watch(model, document_of)``; a save or
delete of a published (or replaced) document, or of anything of it, bumps the pages of
every revision's address, its municipalities, their police areas and the home page. A
change of a municipality or police area bumps its own pages, the pages of the documents
that name it and the home page. Drafts are on no public page: their writes bump nothing.

The versions are bumped at once and again when the transaction commits, so that a page
rendered between the two from the data before the write is not kept.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial

from django.db import transaction
from django.db.models import Model, Q
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save

from agreements.models import DatedDocument, Municipality, PoliceArea
from agreements.publishing.registry import registered
from portal.choices import FROZEN_STATUSES
from portal.crawlers import SITEMAP
from portal.page_cache import bump

HOME = "home"
# The national overview (followup/overview/) shows every municipality, its current pledge
# and its follow-ups: every document and organisation change is on it.
OVERVIEW = "overview"
# The search results name municipalities and police areas and quote published
# documents' texts: every change of either bumps them.
SEARCH = "search"


def bump_now_and_on_commit(scopes: Iterable[str]) -> None:
    scopes = set(scopes)
    if not scopes:
        return
    bump(scopes)
    transaction.on_commit(partial(bump, scopes), robust=True)


def organisation_scopes(
    municipalities: Iterable[Municipality], police_areas: Iterable[PoliceArea | None] = ()
) -> set[str]:
    # The sitemap lists every shown document and organisation with its date; the national
    # overview every municipality with its pledge and follow-up; the search quotes texts.
    scopes = {HOME, SITEMAP, OVERVIEW, SEARCH}
    for municipality in municipalities:
        scopes.add(f"municipality:{municipality.slug}")
        if municipality.police_area_id:
            scopes.add(f"police_area:{municipality.police_area.slug}")
    scopes.update(f"police_area:{area.slug}" for area in police_areas if area is not None)
    return scopes


def document_scopes(document: DatedDocument) -> set[str]:
    """The pages that show ``document``: every revision's address and former address,
    its municipalities', their police areas' and the home page; none for a draft."""
    if document.status not in FROZEN_STATUSES:
        return set()
    model = type(document)
    kind = model._meta.model_name
    root = document.first_revision_id or document.pk
    chain = Q(pk=root) | Q(first_revision_id=root)
    slugs = set(model.objects.filter(chain).values_list("slug", flat=True))
    former = model._meta.get_field("former_slugs").related_model
    slugs.update(
        former.objects.filter(**{f"{kind}__in": model.objects.filter(chain)}).values_list(
            "slug", flat=True
        )
    )
    scopes = {f"{kind}:{slug}" for slug in slugs}
    return scopes | organisation_scopes(document.municipalities.all(), [document.police_area])


def _changed(document_of: Callable[[Model], DatedDocument | None], sender, instance, **kwargs):
    document = document_of(instance)
    if document is not None:
        bump_now_and_on_commit(document_scopes(document))


def watch(model: type[Model], document_of: Callable[[Model], DatedDocument | None]) -> None:
    """Bump the pages of ``document_of(instance)`` whenever a ``model`` row is saved or
    deleted (and, for a document, when its municipalities change)."""
    receiver = partial(_changed, document_of)
    uid = f"page-cache-{model._meta.label}"
    post_save.connect(receiver, sender=model, weak=False, dispatch_uid=uid)
    post_delete.connect(receiver, sender=model, weak=False, dispatch_uid=uid)
    if issubclass(model, DatedDocument):
        m2m_changed.connect(
            _municipalities_changed, sender=model.municipalities.through, dispatch_uid=uid
        )


def _municipalities_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    """A document's municipalities changed, from either side: the document's pages and
    those of every municipality added or removed."""
    if action not in ("post_add", "post_remove", "pre_clear"):
        return
    if reverse:  # ``instance`` is a municipality, ``model`` the document model
        documents = (
            model.objects.filter(pk__in=pk_set)
            if pk_set
            else model.objects.filter(municipalities=instance)
        )
        scopes = organisation_scopes([instance])
        for document in documents.select_related("police_area"):
            scopes |= document_scopes(document)
    else:
        scopes = document_scopes(instance)
        if scopes and pk_set:
            scopes |= organisation_scopes(Municipality.objects.filter(pk__in=pk_set))
    bump_now_and_on_commit(scopes)


def _documents_naming(**lookup) -> list[DatedDocument]:
    documents = []
    for spec in registered():
        documents.extend(
            spec.model.objects.filter(status__in=FROZEN_STATUSES)
            .filter(**lookup)
            .select_related("police_area")
            .distinct()
        )
    return documents


def _organisation_change_scopes(organisation: Municipality | PoliceArea) -> set[str]:
    if isinstance(organisation, Municipality):
        scopes = organisation_scopes([organisation]) | {SEARCH}
        documents = _documents_naming(municipalities=organisation)
    else:
        scopes = {HOME, SEARCH, SITEMAP, f"police_area:{organisation.slug}"}
        scopes |= organisation_scopes(Municipality.objects.filter(police_area=organisation))
        documents = _documents_naming(police_area=organisation)
    for document in documents:
        scopes |= document_scopes(document)
    return scopes


def _remember_before(sender, instance, **kwargs) -> None:
    """Keep the pages the row was on before this save or delete: they change too."""
    before = sender.objects.filter(pk=instance.pk).first() if instance.pk else None
    instance._page_scopes_before = _organisation_change_scopes(before) if before else set()


def _saved(sender, instance, **kwargs) -> None:
    before = getattr(instance, "_page_scopes_before", set())
    bump_now_and_on_commit(before | _organisation_change_scopes(instance))


def _deleted(sender, instance, **kwargs) -> None:
    bump_now_and_on_commit(getattr(instance, "_page_scopes_before", set()))


def watch_organisations() -> None:
    """Bump the pages of a municipality or police area, before and after each change."""
    for model in (Municipality, PoliceArea):
        uid = f"page-cache-{model._meta.label}"
        pre_save.connect(_remember_before, sender=model, dispatch_uid=uid)
        pre_delete.connect(_remember_before, sender=model, dispatch_uid=uid)
        post_save.connect(_saved, sender=model, dispatch_uid=uid)
        post_delete.connect(_deleted, sender=model, dispatch_uid=uid)
