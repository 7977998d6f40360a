"""A published pledge or agreement is frozen at the model layer: the document, its parts
and its municipalities refuse every change, by save(), delete(), a queryset or an m2m
manager. The one change allowed is that a signed revision marks it replaced."""

import pytest
from django.db import transaction

from agreements.models import DocumentFrozenError
from pledges.models import Pledge
from portal.choices import PublicationStatus
from tests.factories import (
    AgreementDutyFactory,
    AgreementFactory,
    AgreementGoalFactory,
    AgreementSignatoryFactory,
    CommitmentFactory,
    FocusAreaFactory,
    MunicipalityFactory,
    PledgeFactory,
    PledgeSignatoryFactory,
)

pytestmark = pytest.mark.django_db

PUBLISHED = PublicationStatus.PUBLISHED
REPLACED = PublicationStatus.REPLACED

DOCUMENTS = pytest.mark.parametrize(
    "document_factory", [PledgeFactory, AgreementFactory], ids=["pledge", "agreement"]
)
PARTS = pytest.mark.parametrize(
    ("part_factory", "document_factory"),
    [
        (FocusAreaFactory, PledgeFactory),
        (CommitmentFactory, PledgeFactory),
        (PledgeSignatoryFactory, PledgeFactory),
        (AgreementGoalFactory, AgreementFactory),
        (AgreementDutyFactory, AgreementFactory),
        (AgreementSignatoryFactory, AgreementFactory),
    ],
    ids=["focus-area", "commitment", "pledge-signatory", "goal", "duty", "agreement-signatory"],
)


def part_of(part_factory, document):
    field = part_factory._meta.model.document_field
    return part_factory(**{field: document})


def text_field(part) -> str:
    names = {field.name for field in part._meta.fields}
    return next(name for name in ("text", "title", "name") if name in names)


def related_manager(municipality, document):
    return municipality.pledges if isinstance(document, Pledge) else municipality.agreements


# The document ---------------------------------------------------------------------


@DOCUMENTS
def test_a_published_document_refuses_save(document_factory):
    document = document_factory(title="Som den undertecknades")
    document.title = "Ändrad rubrik"
    with pytest.raises(DocumentFrozenError):
        document.save()
    with pytest.raises(DocumentFrozenError):
        document.save(update_fields=["title"])
    document.refresh_from_db()
    assert document.title == "Som den undertecknades"


@DOCUMENTS
def test_a_published_document_refuses_delete(document_factory):
    document = document_factory()
    with pytest.raises(DocumentFrozenError):
        document.delete()
    assert type(document).objects.filter(pk=document.pk).exists()


@DOCUMENTS
def test_a_queryset_touching_a_published_document_refuses_update_and_delete(document_factory):
    published = document_factory(title="Publicerad")
    draft = document_factory(title="Utkast", status=PublicationStatus.DRAFT)
    both = type(published).objects.filter(pk__in=[published.pk, draft.pk])
    with pytest.raises(DocumentFrozenError):
        both.update(title="Ändrad")
    with pytest.raises(DocumentFrozenError):
        both.delete()
    assert sorted(both.values_list("title", flat=True)) == ["Publicerad", "Utkast"]


# Its parts -----------------------------------------------------------------------


@PARTS
def test_the_parts_of_a_published_document_refuse_save_and_delete(part_factory, document_factory):
    part = part_of(part_factory, document_factory())
    field = text_field(part)
    original = getattr(part, field)
    setattr(part, field, "Ändrad text")
    with pytest.raises(DocumentFrozenError):
        part.save()
    with pytest.raises(DocumentFrozenError):
        part.delete()
    part.refresh_from_db()
    assert getattr(part, field) == original


@PARTS
def test_the_parts_of_a_published_document_refuse_bulk_update_and_delete(
    part_factory, document_factory
):
    part = part_of(part_factory, document_factory())
    parts = type(part).objects.filter(pk=part.pk)
    with pytest.raises(DocumentFrozenError):
        parts.update(order=99)
    with pytest.raises(DocumentFrozenError):
        parts.delete()
    assert parts.get().order == part.order


@PARTS
def test_a_published_document_takes_no_new_part(part_factory, document_factory):
    document = document_factory()
    new = part_factory.build(**{part_factory._meta.model.document_field: document})
    with pytest.raises(DocumentFrozenError):
        new.save()
    assert not type(new).objects.exists()


# Its municipalities ----------------------------------------------------------------
# The refusal comes from inside the m2m manager's own atomic block, so each attempt gets
# a savepoint: without it the test's transaction could run no further query.


@DOCUMENTS
def test_a_published_documents_municipalities_refuse_add_remove_and_clear(document_factory):
    municipality = MunicipalityFactory()
    document = document_factory(municipalities=[municipality])
    with pytest.raises(DocumentFrozenError), transaction.atomic():
        document.municipalities.add(MunicipalityFactory())
    with pytest.raises(DocumentFrozenError), transaction.atomic():
        document.municipalities.remove(municipality)
    with pytest.raises(DocumentFrozenError), transaction.atomic():
        document.municipalities.clear()
    with pytest.raises(DocumentFrozenError), transaction.atomic():
        document.municipalities.set([MunicipalityFactory()])
    assert list(document.municipalities.all()) == [municipality]


@DOCUMENTS
def test_a_municipality_cannot_join_or_leave_a_published_document(document_factory):
    member, outsider = MunicipalityFactory(), MunicipalityFactory()
    document = document_factory(municipalities=[member])
    with pytest.raises(DocumentFrozenError), transaction.atomic():
        related_manager(outsider, document).add(document)
    with pytest.raises(DocumentFrozenError), transaction.atomic():
        related_manager(member, document).remove(document)
    with pytest.raises(DocumentFrozenError), transaction.atomic():
        related_manager(member, document).clear()
    assert list(document.municipalities.all()) == [member]
    assert not related_manager(outsider, document).exists()


@DOCUMENTS
def test_a_municipality_may_still_join_a_draft_from_its_side(document_factory):
    member = MunicipalityFactory()
    published = document_factory(municipalities=[member])
    draft = document_factory(status=PublicationStatus.DRAFT)
    related_manager(member, draft).add(draft)
    related_manager(member, draft).remove(draft)
    assert list(related_manager(member, published).all()) == [published]


# The one change allowed: replaced by a signed revision ---------------------------


@DOCUMENTS
def test_a_published_document_may_only_be_marked_replaced(document_factory):
    document = document_factory()
    document.status = REPLACED
    with pytest.raises(DocumentFrozenError):
        document.save()  # every field, not the status alone
    with pytest.raises(DocumentFrozenError):
        document.save(update_fields=["status", "title"])

    document.save(update_fields=["status"])

    document.refresh_from_db()
    assert document.status == REPLACED


@DOCUMENTS
def test_a_replaced_document_takes_no_change_at_all(document_factory):
    municipality = MunicipalityFactory()
    document = document_factory(municipalities=[municipality])
    document.status = REPLACED
    document.save(update_fields=["status"])

    document.status = PUBLISHED
    with pytest.raises(DocumentFrozenError):
        document.save(update_fields=["status"])
    document.status = REPLACED
    document.title = "Ändrad rubrik"
    with pytest.raises(DocumentFrozenError):
        document.save()
    with pytest.raises(DocumentFrozenError):
        document.delete()
    with pytest.raises(DocumentFrozenError):
        type(document).objects.filter(pk=document.pk).update(title="Ändrad")
    with pytest.raises(DocumentFrozenError), transaction.atomic():
        document.municipalities.clear()
    document.refresh_from_db()
    assert document.status == REPLACED and document.title != "Ändrad rubrik"


@PARTS
def test_the_parts_of_a_replaced_document_stay_frozen(part_factory, document_factory):
    document = document_factory()
    part = part_of(part_factory, document)
    document.status = REPLACED
    document.save(update_fields=["status"])
    with pytest.raises(DocumentFrozenError):
        part.save()
    with pytest.raises(DocumentFrozenError):
        part.delete()


# Drafts and documents sent for signing stay editable -------------------------------


EDITABLE = pytest.mark.parametrize(
    "status", [PublicationStatus.DRAFT, PublicationStatus.SUBMITTED], ids=["draft", "submitted"]
)


@EDITABLE
@DOCUMENTS
def test_a_draft_or_submitted_document_stays_editable(document_factory, status):
    municipality = MunicipalityFactory()
    document = document_factory(status=status)
    document.title = "Ny rubrik"
    document.save()
    document.municipalities.add(municipality)
    related_manager(MunicipalityFactory(), document).add(document)
    document.municipalities.remove(municipality)
    type(document).objects.filter(pk=document.pk).update(source_note="Ny not")
    document.refresh_from_db()
    assert (document.title, document.source_note) == ("Ny rubrik", "Ny not")
    assert document.municipalities.count() == 1

    document.delete()
    assert not type(document).objects.filter(pk=document.pk).exists()


@EDITABLE
@PARTS
def test_the_parts_of_a_draft_or_submitted_document_stay_editable(
    part_factory, document_factory, status
):
    document = document_factory(status=status)
    part = part_of(part_factory, document)
    setattr(part, text_field(part), "Ny text")
    part.save()
    type(part).objects.filter(pk=part.pk).update(order=7)
    part.refresh_from_db()
    assert (getattr(part, text_field(part)), part.order) == ("Ny text", 7)
    part.delete()
    new = part_factory.build(**{part_factory._meta.model.document_field: document})
    new.save()
    type(part).objects.filter(pk=new.pk).delete()
    assert not type(part).objects.exists()
