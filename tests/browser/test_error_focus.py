"""A refused form puts its errors first, and focus on them, so that a screen reader says
at once what went wrong (GOV.UK's error summary): signing with a wrong password is the
case that looked as if it went through."""

import pytest

pytestmark = pytest.mark.browser

ACTIVE_ELEMENT = """() => {
  const element = document.activeElement;
  return {
    className: element.className,
    text: element.textContent.trim().replace(/\\s+/g, " "),
    top: element.getBoundingClientRect().top,
  };
}"""


def test_a_wrong_password_moves_focus_to_the_error_summary_at_the_top(visit):
    page = visit("/samordnare/uppfoljning/{submitted_review}/", login_as="undertecknare-mala")
    page.fill("#id_password", "inte-mitt-losenord")
    page.get_by_role("button", name="Skriv under").click()
    page.wait_for_load_state()

    focused = page.evaluate(ACTIVE_ELEMENT)

    assert focused["className"] == "error-summary"
    assert "Du har inte skrivit under:" in focused["text"]
    assert "Lösenordet stämmer inte" in focused["text"]
    # It is on screen where the page opens, not thousands of pixels further down.
    assert 0 <= focused["top"] < page.viewport_size["height"]
    # Its link leads to the field.
    page.get_by_role("link", name="Ditt lösenord: Lösenordet stämmer inte").click()
    assert page.evaluate("document.activeElement.id") == "id_password"
