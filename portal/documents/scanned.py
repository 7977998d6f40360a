"""Checks for a scanned original: a plain PDF, no scripts, attachments or signatures.

A scanned original is stored as a version of a document and the verification page vouches
for it by its checksum. So it must not carry anything beyond the scanned pages: no
JavaScript or other actions that run on opening, no embedded files, and no electronic
signature or seal (the page would seem to vouch for a signature the portal never checked).
"""

from __future__ import annotations

import logging
import re
from io import BytesIO

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.reader import PdfFileReader

from portal.documents.uploads import read_pdf_upload

logger = logging.getLogger(__name__)

SCRIPT = "script"
EMBEDDED_FILE = "embedded_file"
SIGNATURE = "signature"

# Dictionary keys that are enough to refuse the file, whatever their value.
_KEYS = {
    "/JS": SCRIPT,
    "/JavaScript": SCRIPT,
    "/AA": SCRIPT,  # additional actions: run on opening a page, focusing a field, ...
    "/XFA": SCRIPT,  # XML forms, which carry their own scripts
    "/RichMedia": SCRIPT,
    "/EmbeddedFiles": EMBEDDED_FILE,
    "/EF": EMBEDDED_FILE,
    "/ByteRange": SIGNATURE,
    "/SigFlags": SIGNATURE,
    "/Perms": SIGNATURE,
    "/DSS": SIGNATURE,
}
# (key, value) pairs that are enough to refuse the file.
_VALUES = {
    ("/S", "/JavaScript"): SCRIPT,  # an action, e.g. the document's /OpenAction
    ("/S", "/Launch"): SCRIPT,
    ("/S", "/ImportData"): SCRIPT,
    ("/S", "/SubmitForm"): SCRIPT,
    ("/S", "/RichMediaExecute"): SCRIPT,
    ("/Type", "/EmbeddedFile"): EMBEDDED_FILE,
    ("/Subtype", "/FileAttachment"): EMBEDDED_FILE,
    ("/FT", "/Sig"): SIGNATURE,
    ("/Type", "/Sig"): SIGNATURE,
    ("/Type", "/DocTimeStamp"): SIGNATURE,
}
_OBJECT = re.compile(rb"\d+\s+\d+\s+obj\b")


def _messages() -> dict[str, str]:
    return {
        SCRIPT: _(
            "Filen innehåller JavaScript eller andra funktioner som körs när den öppnas. "
            "Ladda upp en inskannad PDF utan sådant innehåll."
        ),
        EMBEDDED_FILE: _(
            "Filen innehåller bifogade filer. Ladda upp en inskannad PDF utan bilagor."
        ),
        SIGNATURE: _(
            "Filen innehåller en elektronisk underskrift eller ett sigill. Ett inskannat "
            "original får inte vara elektroniskt undertecknat, eftersom portalens "
            "kontrollsida annars skulle verka gå i god för underskriften."
        ),
    }


def read_scanned_original_upload(upload: UploadedFile) -> bytes:
    """The upload's bytes if it is a PDF that may be stored as a scanned original."""
    content = read_pdf_upload(upload)
    check_scanned_original(content)
    return content


def check_scanned_original(content: bytes) -> None:
    """Raise ValidationError (in Swedish) unless ``content`` is a PDF without active content,
    embedded files or signatures. When unsure, refuse."""
    try:
        reader = PdfFileReader(BytesIO(content), strict=False)
        encrypted = reader.encrypted
    except Exception as error:  # noqa: BLE001 - any parser failure on untrusted input
        logger.info("Unparseable scanned original: %r", error)
        if _OBJECT.search(content) is None:
            return  # no objects at all: nothing a viewer could run, open or verify
        raise ValidationError(_unreadable_message(), code="unreadable") from error
    if encrypted:
        raise ValidationError(
            _("Filen är krypterad eller lösenordsskyddad. Ladda upp en PDF utan lösenord."),
            code="encrypted",
        )
    try:
        found = _find_refused_content(reader)
    except Exception as error:  # noqa: BLE001 - a damaged object somewhere in the file
        logger.info("Damaged object in scanned original: %r", error)
        raise ValidationError(_unreadable_message(), code="unreadable") from error
    if found:
        messages = _messages()
        raise ValidationError(
            [ValidationError(messages[kind], code=kind) for kind in sorted(found)]
        )


def _unreadable_message() -> str:
    return _(
        "Filen går inte att läsa som PDF och kan därför inte kontrolleras. Spara "
        "originalet som en ny PDF och försök igen."
    )


def _find_refused_content(reader: PdfFileReader) -> set[str]:
    """The kinds of refused content in any object of any revision, or in the trailer."""
    found: set[str] = set()
    _inspect(reader.trailer_view, found)
    for revision in range(reader.xrefs.total_revisions):
        for reference in reader.xrefs.explicit_refs_in_revision(revision):
            _inspect(reader.get_object(reference, revision=revision), found)
    return found


def _inspect(value: generic.PdfObject, found: set[str]) -> None:
    """Add to ``found`` what ``value`` and its direct parts hold. Indirect references are
    not followed: every indirect object is inspected on its own."""
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, generic.DictionaryObject):
            for key, raw in dict.items(item):
                kind = _KEYS.get(str(key))
                if kind is None:
                    name = _resolved(raw)
                    if isinstance(name, generic.NameObject):
                        kind = _VALUES.get((str(key), str(name)))
                if kind is not None:
                    found.add(kind)
                pending.append(raw)
        elif isinstance(item, generic.ArrayObject):
            pending.extend(list.__iter__(item))


def _resolved(value: generic.PdfObject) -> generic.PdfObject:
    return value.get_object() if isinstance(value, generic.IndirectObject) else value
