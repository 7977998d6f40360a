"""Cheap structural limits for an uploaded PDF, checked before any signature is validated.

A portal PDF has two revisions (WeasyPrint's file and the seal's incremental update) and
one signature field. A file far from that shape is refused before any expensive work: a
security review stalled the server for a minute with one ~100 KB PDF whose appended update
added 1,000 signature fields pointing at the portal's seal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.reader import PdfFileReader

MAX_SIGNATURE_FIELDS = 5
MAX_REVISIONS = 5
# Form fields (of any type) walked at most: a portal PDF has one.
MAX_FORM_FIELDS = 50

_SIGNATURE_FIELD_BYTES = re.compile(rb"/FT\s*/Sig\b")


class TooComplex(Exception):
    """The PDF has more signature fields or revisions than a portal PDF can have."""

    SIGNATURE_FIELDS = "signature_fields"
    REVISIONS = "revisions"

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def check_bytes(content: bytes) -> None:
    """Raise TooComplex from a plain byte count, without parsing the file.

    Over-counts (a marker inside a stream counts too), never under-counts what is written
    in plain text; fields hidden in compressed object streams are counted by
    ``signature_fields`` after parsing.
    """
    if content.count(b"%%EOF") > MAX_REVISIONS:
        raise TooComplex(TooComplex.REVISIONS)
    if len(_SIGNATURE_FIELD_BYTES.findall(content)) > MAX_SIGNATURE_FIELDS:
        raise TooComplex(TooComplex.SIGNATURE_FIELDS)


def check_revisions(reader: PdfFileReader) -> None:
    """Raise TooComplex when the xref chain has more revisions than allowed."""
    if reader.xrefs.total_revisions > MAX_REVISIONS:
        raise TooComplex(TooComplex.REVISIONS)


@dataclass(frozen=True)
class SignatureField:
    name: str  # fully qualified, as pyHanko names it ("Parent.Child")
    field: generic.DictionaryObject


def signature_fields(reader: PdfFileReader) -> list[SignatureField]:
    """The signature fields in the form, found without reading their values.

    Raises TooComplex past MAX_SIGNATURE_FIELDS signature fields or MAX_FORM_FIELDS fields
    in all; ``/V`` (the signature itself) is never touched here, so a damaged signature
    does not hide which field it belongs to.
    """
    try:
        fields = reader.root["/AcroForm"]["/Fields"]
    except KeyError:
        return []
    found: list[SignatureField] = []
    seen: set[tuple[int, int]] = set()
    # Depth-first, iteratively: (array of field references, parent name, inherited /FT).
    pending: list[tuple[object, str, object]] = [(fields, "", None)]
    while pending:
        field_list, parent_name, parent_type = pending.pop()
        if not isinstance(field_list, generic.ArrayObject):
            continue
        for reference in field_list:
            if not isinstance(reference, generic.IndirectObject):
                continue
            if reference.reference in seen:
                continue
            seen.add(reference.reference)
            if len(seen) > MAX_FORM_FIELDS:
                raise TooComplex(TooComplex.SIGNATURE_FIELDS)
            field = reference.get_object()
            if not isinstance(field, generic.DictionaryObject):
                continue
            own_name = _get(field, "/T")
            name = str(own_name) if own_name is not None else ""
            if parent_name and name:
                name = f"{parent_name}.{name}"
            field_type = _get(field, "/FT", parent_type)
            kids = _get(field, "/Kids")
            if kids is not None:
                pending.append((kids, name or parent_name, field_type))
            if own_name is not None and field_type == "/Sig":
                found.append(SignatureField(name, field))
                if len(found) > MAX_SIGNATURE_FIELDS:
                    raise TooComplex(TooComplex.SIGNATURE_FIELDS)
    return found


def _get(dictionary: generic.DictionaryObject, key: str, default=None):
    """``dictionary[key]`` dereferenced (pyHanko's ``get`` returns the bare reference)."""
    try:
        return dictionary[key]
    except KeyError:
        return default
