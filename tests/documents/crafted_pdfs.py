"""Hostile and harmless PDFs for the verification and scanned-original tests, built with
pyHanko (incremental updates to a sealed file) and pypdf (small one-page files)."""

from __future__ import annotations

import io
import re

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

from portal.documents.seal import SIGNATURE_FIELD


def with_signature_fields_at_the_seal(sealed: bytes, count: int) -> bytes:
    """``sealed`` with an appended update adding ``count`` signature fields whose value is
    the portal's seal (the security review's stall: each field made pyHanko validate it)."""
    writer = IncrementalPdfFileWriter(io.BytesIO(sealed))
    acroform = writer.root["/AcroForm"]
    fields = acroform["/Fields"]
    seal_value = fields[0].get_object().raw_get("/V")
    for number in range(count):
        field = generic.DictionaryObject(
            {
                generic.pdf_name("/FT"): generic.pdf_name("/Sig"),
                generic.pdf_name("/T"): generic.pdf_string(f"{SIGNATURE_FIELD}{number}"),
                generic.pdf_name("/V"): seal_value,
                generic.pdf_name("/Type"): generic.pdf_name("/Annot"),
                generic.pdf_name("/Subtype"): generic.pdf_name("/Widget"),
                generic.pdf_name("/Rect"): generic.ArrayObject([generic.NumberObject(0)] * 4),
            }
        )
        fields.append(writer.add_object(field))
    writer.update_container(fields)
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def with_revisions(content: bytes, count: int) -> bytes:
    """``content`` with ``count`` appended incremental updates that each change the title."""
    for number in range(count):
        writer = IncrementalPdfFileWriter(io.BytesIO(content))
        writer.set_info(
            generic.DictionaryObject(
                {generic.pdf_name("/Title"): generic.pdf_string(f"Ändring {number}")}
            )
        )
        output = io.BytesIO()
        writer.write(output)
        content = output.getvalue()
    return content


def with_damaged_seal_blob(sealed: bytes, *, hex_digit: int, keep_hex: bool) -> bytes:
    """``sealed`` with one digit of the seal's /Contents hex string changed, in place.

    ``keep_hex`` swaps it for another hex digit; otherwise it flips the byte's lowest bit,
    which may leave a character that is not a hex digit at all.
    """
    start = re.search(rb"/Contents\s*<", sealed).end()
    position = start + hex_digit
    changed = bytearray(sealed)
    if keep_hex:
        # Hex digits are read without regard to case: "A" for "a" would change nothing.
        digit = chr(changed[position]).lower()
        changed[position] = ord("a") if digit != "a" else ord("b")
    else:
        changed[position] ^= 0x01
    return bytes(changed)


def one_page_pdf(*, javascript: str = "", open_action_js: str = "", attachment: bytes = b""):
    """A small one-page PDF (pypdf), optionally with document JavaScript, a JavaScript
    open action or an embedded file."""
    from pypdf import PdfWriter
    from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

    def script(text: str) -> DictionaryObject:
        return DictionaryObject(
            {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject(text)}
        )

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    if javascript:
        # The document-level name tree, as Acrobat writes it: run when the file opens.
        scripts = ArrayObject([TextStringObject("start"), writer._add_object(script(javascript))])
        tree = DictionaryObject({NameObject("/Names"): scripts})
        names = DictionaryObject({NameObject("/JavaScript"): writer._add_object(tree)})
        writer._root_object[NameObject("/Names")] = writer._add_object(names)
    if open_action_js:
        action = writer._add_object(script(open_action_js))
        writer._root_object[NameObject("/OpenAction")] = action
    if attachment:
        writer.add_attachment("bilaga.txt", attachment)
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def with_empty_signature_field(content: bytes) -> bytes:
    """``content`` with an empty signature field, ready for someone to sign."""
    from pyhanko.sign.fields import SigFieldSpec, append_signature_field

    writer = IncrementalPdfFileWriter(io.BytesIO(content))
    append_signature_field(writer, SigFieldSpec("Underskrift"))
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()
