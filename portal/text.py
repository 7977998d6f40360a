"""Small text helpers shared by every app."""

import unicodedata

from django.utils.text import slugify


def fold(value: str) -> str:
    """Lower-case ``value`` and strip diacritics, so that "MALA" and "Malå" compare equal."""
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).strip()


def swedish_slug(value: str) -> str:
    """A URL slug with å, ä and ö folded to a and o ("Åsele" → "asele")."""
    return slugify(fold(value))


def paragraphs(value: str) -> list[str]:
    """Split a stored text into its paragraphs (blank-line separated)."""
    return [part.strip() for part in value.replace("\r\n", "\n").split("\n\n") if part.strip()]


_SWEDISH_ORDER = str.maketrans({"å": "{", "ä": "|", "ö": "}", "æ": "|", "ø": "}", "ü": "y"})


def swedish_sort_key(value: str) -> str:
    """Sort key that puts å, ä, ö after z in that order, as Swedish dictionaries do."""
    return value.casefold().translate(_SWEDISH_ORDER)
