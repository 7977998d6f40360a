"""A download's file name: the title as it is, or shortened only in the name, never
losing the year or period, the version or the kind of file."""

import pytest

from portal.services import FILE_NAME_TITLE_LIMIT, download_file_name


def test_a_title_that_fits_is_the_file_name_as_it_is():
    assert download_file_name("Medborgarlöfte Malå 2024", 2) == (
        "Medborgarlöfte Malå 2024 (version 2).pdf"
    )


def test_characters_a_file_system_refuses_become_spaces():
    assert download_file_name('Löfte 2024: "Trygg" stad/by', 1) == (
        "Löfte 2024 Trygg stad by (version 1).pdf"
    )


@pytest.mark.parametrize(
    ("kind", "suffix"),
    [
        ({}, "(version 12).pdf"),
        ({"draft": True}, "(utkast).pdf"),
        ({"scanned": True}, "(inskannat original).pdf"),
    ],
)
def test_a_long_title_keeps_its_start_its_period_and_the_suffix(kind, suffix):
    title = (
        "Medborgarlöfte för " + ", ".join(["trygghet i skolan"] * 10) + ", Testby kommun 2023–2024"
    )
    assert len(title) > FILE_NAME_TITLE_LIMIT

    name = download_file_name(title, 12, **kind)

    shortened = name.removesuffix(f" {suffix}")
    assert name.endswith(suffix) and len(shortened) <= FILE_NAME_TITLE_LIMIT
    assert shortened.startswith("Medborgarlöfte för trygghet i skolan, trygghet")
    assert shortened.endswith("… 2023–2024")
    assert "… " in shortened and "skola… " not in shortened  # cut at a word


def test_a_long_title_with_its_year_at_the_start_needs_no_year_at_the_end():
    title = "Medborgarlöfte 2024 " + " ".join(["trygghet"] * 30)
    shortened = download_file_name(title, 1).removesuffix(" (version 1).pdf")
    assert shortened.startswith("Medborgarlöfte 2024 trygghet") and shortened.endswith("trygghet…")
    assert len(shortened) <= FILE_NAME_TITLE_LIMIT


def test_an_empty_title_is_named_dokument():
    assert download_file_name("  ", 1) == "Dokument (version 1).pdf"
