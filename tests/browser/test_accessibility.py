"""Every page type passes axe-core's WCAG 2.1 A and AA rules and stays on its origin."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

WCAG_21_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": WCAG_21_AA_TAGS},
    "resultTypes": ["violations"],
}


def describe_violations(path: str, violations: list[dict]) -> str:
    """What a developer needs to fix each violation: the rule, its help text, the nodes."""
    lines = [f"{path}: {len(violations)} WCAG 2.1 A/AA violation(s) found by axe-core"]
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']}"
            f" <{violation['helpUrl']}>"
        )
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            lines.append(f"    {target}: {node['html'][:200]}")
            lines.extend(f"      {line}" for line in node["failureSummary"].splitlines())
    return "\n".join(lines)


def test_page_passes_axe_wcag_21_aa_scan_and_loads_nothing_from_another_origin(
    visit, traffic, portal_page
):
    page = visit(portal_page)

    results = Axe().run(page, options=AXE_OPTIONS).response

    # An empty page would pass too: make sure axe really checked this one.
    assert results["testEngine"]["name"] == "axe-core"
    assert len(results["passes"]) > 10, results["passes"]
    assert not results["violations"], describe_violations(portal_page.path, results["violations"])
    # Everything the page asked for, up to the end of the scan, came from the live server:
    # no fonts, scripts, styles or analytics from a CDN (see CONTENT_SECURITY_POLICY).
    assert any(url.endswith(".css") for url in traffic.requests), traffic.requests
    assert traffic.foreign_requests() == []
    assert traffic.console_errors == []
