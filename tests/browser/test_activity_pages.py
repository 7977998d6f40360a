"""The coordinator's activity pages: the messages of a refused form, the history's dates."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

SWEDISH_MONTHS = (
    "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"
)


def test_empty_activity_form_says_each_problem_once_in_the_summary_and_once_at_its_field(visit):
    page = visit("/samordnare/lofte/{commitment}/logga/", login_as="samordnare-mala")
    page.get_by_label("Datum").fill("")
    page.get_by_label("Vad gjordes?").fill("")

    page.get_by_role("button", name="Spara aktivitet").click()
    page.wait_for_load_state()

    summary = page.locator(".error-summary li").all_inner_texts()
    at_fields = page.locator(".field .error-text").all_inner_texts()
    assert summary == [
        "Datum: Ange datumet då aktiviteten genomfördes.",
        "Vad gjordes?: Beskriv vad som gjordes.",
    ]
    assert at_fields == [
        "Ange datumet då aktiviteten genomfördes.",
        "Beskriv vad som gjordes.",
    ]
    # The summary's links lead to the fields, and each field's message is tied to it.
    text_field = page.get_by_label("Vad gjordes?")
    assert text_field.get_attribute("aria-describedby").split()[0] == (
        page.locator(".field--error .error-text").nth(1).get_attribute("id")
    )


def test_activity_history_gives_dates_in_swedish_like_the_rest_of_the_portal(visit):
    page = visit("/samordnare/aktivitet/{activity}/historik/", login_as="samordnare-mala")

    rows = page.locator("tbody tr")
    assert rows.count() == 2  # logged, then corrected
    for row in rows.all():
        saved, _by, _event, date = (cell.inner_text() for cell in row.locator("td").all()[:4])
        # The column's name before each value is for a narrow screen only.
        assert re.fullmatch(rf"\d{{1,2}} ({SWEDISH_MONTHS}) \d{{4}} \d{{2}}:\d{{2}}", saved), saved
        assert date == "3 maj 2024"
