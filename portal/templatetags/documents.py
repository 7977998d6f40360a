"""The stored PDFs of a document, for the include on its web page."""

from dataclasses import dataclass

from django import template

from portal.models import IssuedDocument

register = template.Library()


@dataclass
class IssuedDocuments:
    current: IssuedDocument | None
    earlier: list[IssuedDocument]
    scanned: list[IssuedDocument]


def issued_documents(document) -> IssuedDocuments:
    """The document's latest sealed PDF, its earlier sealed versions and any scanned originals."""
    versions = list(IssuedDocument.objects.for_object(document))  # one query
    sealed = [v for v in versions if v.is_sealed]
    return IssuedDocuments(
        current=sealed[0] if sealed else None,
        earlier=sealed[1:],
        scanned=[v for v in versions if v.is_scanned],
    )


@register.simple_tag
def issued_documents_for(document) -> IssuedDocuments:
    return issued_documents(document)
