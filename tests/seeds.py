"""Read the published seed texts (fixtures/sources/) that the acceptance tests check against."""

import re
from pathlib import Path

SOURCES = Path(__file__).resolve().parent.parent / "fixtures" / "sources"

SEED_FILES = {
    "mala": "000_81424eea6cffecd7.txt",
    "nordmaling": "001_dbef6e64e7537e9c.txt",
    "asele": "002_a00ad7a3cd3c5fed.txt",
    "sodra_fyrbodal": "003_d477c4285ec9589c.txt",
    "vastra_malardalen": "004_23ab1693ed63e461.txt",
}


def seed_text(key: str) -> str:
    return (SOURCES / SEED_FILES[key]).read_text(encoding="utf-8")


def bullets(key: str) -> list[str]:
    """The seed's bullet points, each folded onto one line (the source wraps some)."""
    items: list[str] = []
    for line in seed_text(key).splitlines():
        stripped = line.strip()
        if stripped.startswith("•"):
            items.append(stripped.lstrip("• ").strip())
        elif items and line.startswith("  ") and stripped and not stripped.startswith("•"):
            items[-1] += " " + stripped
    return items


def normalise(text: str) -> str:
    """Collapse white space, so that page text and seed text compare word for word."""
    return re.sub(r"\s+", " ", text).strip()


def html_text(html: str) -> str:
    """The visible text of an HTML page, white space collapsed, for word-for-word checks."""
    import html as html_module

    # Inline elements join their text to what surrounds it; block elements separate.
    text = re.sub(r"</?(?:span|a|strong|em|abbr)\b[^>]*>", "", html)
    text = re.sub(r"<[^>]+>", " ", text)
    return normalise(html_module.unescape(text))
