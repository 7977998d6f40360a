"""The renderer: one content partial, print CSS, metadata, tags, fonts, local files only."""

import io

import pytest
from django.template.loader import render_to_string
from pypdf import PdfReader

from portal.documents.render import LocalFileFetcher, html_to_pdf, render_pdf
from tests.documents.conftest import pdf_text


@pytest.fixture(scope="module")
def mala_pdf(sealed_seeds) -> PdfReader:
    return PdfReader(io.BytesIO(sealed_seeds["mala-2024"].content))


def test_pdf_metadata_names_title_author_subject(mala_pdf, sealed_seeds):
    seed = sealed_seeds["mala-2024"]
    assert mala_pdf.metadata.title == seed.title
    assert mala_pdf.metadata.author == seed.parties
    assert mala_pdf.metadata.subject == "Medborgarlöfte för 2024"


def test_pdf_is_swedish_tagged_and_archival(mala_pdf):
    root = mala_pdf.trailer["/Root"]
    assert root["/Lang"] == "sv"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    xmp = root["/Metadata"].get_object().get_data().decode()
    # WeasyPrint's XMP packet survives sealing: PDF/A-3, conformance level A (accessible).
    assert 'pdfaid:part="3"' in xmp
    assert 'pdfaid:conformance="A"' in xmp


def test_pdf_embeds_every_font(mala_pdf):
    fonts = {}
    for page in mala_pdf.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            fonts[font["/BaseFont"]] = any(
                key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
    assert fonts and all(fonts.values()), fonts


def test_every_page_has_running_header_page_count_and_verification_address(mala_pdf, sealed_seeds):
    seed = sealed_seeds["mala-2024"]
    pages = mala_pdf.pages
    for number, page in enumerate(pages, start=1):
        text = page.extract_text()
        assert seed.parties in text
        assert f"Sida {number} av {len(pages)}" in text
        assert (
            "Kontrollera att dokumentet är äkta: https://medborgarloften.example/kontrollera/"
            in text
        )


def test_title_block_and_one_signatories_section(sealed_seeds):
    seed = sealed_seeds["mala-2024"]
    text = pdf_text(seed.content)
    assert "MEDBORGARLÖFTE" in text  # the title block's kind, in print capitals
    assert "Version 1, utfärdad av portalen Medborgarlöften" in text
    # The content's own section names who signed the text; no second table repeats it.
    assert text.count("Undertecknare") == 1
    assert "Underskrifter" not in text
    assert "Namn Titel Organisation Undertecknat" not in text


def test_pdf_and_web_page_share_the_content_partial(seeded, client):
    from pledges.selectors import commitment_sections, pledge_for_page

    pledge = pledge_for_page(slug="mala-2024")
    partial = render_to_string(
        "pledges/includes/pledge_content.html",
        {"pledge": pledge, "sections": commitment_sections(pledge)},
    )
    page = client.get(pledge.get_absolute_url()).content.decode()
    # The web page shows the partial as it is; the PDF template includes the same file.
    assert partial.strip()[:200] in page
    with open("templates/pledges/pdf/pledge.html") as template:
        assert '{% include "pledges/includes/pledge_content.html" %}' in template.read()
    with open("templates/agreements/pdf/agreement.html") as template:
        assert '{% include "agreements/includes/agreement_content.html" %}' in template.read()


def test_fetcher_reads_static_files_from_disk():
    response = LocalFileFetcher().fetch("https://medborgarloften.example/static/css/pdf.css")
    assert b"@page" in response.read()
    assert response.content_type == "text/css"


@pytest.mark.parametrize(
    "url",
    [
        "https://elsewhere.example/static/css/pdf.css",  # another host
        "http://medborgarloften.example/static/css/pdf.css",  # another scheme
        "https://medborgarloften.example/kommun/mala/",  # a page, not a file
        "https://medborgarloften.example/static/../portal/settings.py",
        "file:///etc/passwd",
    ],
)
def test_fetcher_refuses_anything_but_the_portals_own_files(url):
    with pytest.raises(ValueError):
        LocalFileFetcher().fetch(url)


def test_renderer_never_makes_a_network_request(monkeypatch):
    import urllib.request

    def no_network(*args, **kwargs):
        raise AssertionError("the renderer tried the network")

    monkeypatch.setattr(urllib.request.OpenerDirector, "open", no_network)
    html = (
        '<html lang="sv"><head><title>T</title>'
        '<link rel="stylesheet" href="/static/css/pdf.css">'
        '<link rel="stylesheet" href="https://cdn.example/x.css"></head>'
        '<body><p>Hej</p><img src="https://elsewhere.example/bild.png" alt=""></body></html>'
    )
    assert html_to_pdf(html).startswith(b"%PDF-")


def test_render_pdf_returns_filename_content_type_and_bytes(seeded):
    from pledges.documents import PLEDGE_PDF
    from pledges.selectors import commitment_sections, pledge_for_page

    pledge = pledge_for_page(slug="mala-2024")
    filename, content_type, content = render_pdf(
        template_name="pledges/pdf/pledge.html",
        context={
            "pledge": pledge,
            "sections": commitment_sections(pledge),
            "pdf": PLEDGE_PDF.describe(pledge),
        },
        filename="Malå.pdf",
    )
    assert (filename, content_type) == ("Malå.pdf", "application/pdf")
    assert content.startswith(b"%PDF-")
