"""Small text helpers shared by every app."""

import unicodedata

from django.utils.text import slugify


def fold(value: str) -> str:
    """Lower-case ``value`` and strip diacritics, so that "MALA" and "Malå" compare equal."""
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).strip()


# Dashes a typed title may hold: hyphen, non-breaking hyphen, figure dash, en dash, em
# dash, horizontal bar, minus sign. slugify() drops them all, which glued a year range
# "2023–2024" into "20232024".
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"))


def swedish_slug(value: str) -> str:
    """A URL slug with å, ä and ö folded to a and o ("Åsele" → "asele"), and every dash a
    hyphen ("Medborgarlöfte 2023–2024" → "medborgarlofte-2023-2024")."""
    return slugify(fold(value.translate(_DASHES)))


def paragraphs(value: str) -> list[str]:
    """Split a stored text into its paragraphs (blank-line separated)."""
    return [part.strip() for part in value.replace("\r\n", "\n").split("\n\n") if part.strip()]


_SWEDISH_ORDER = str.maketrans({"å": "{", "ä": "|", "ö": "}", "æ": "|", "ø": "}", "ü": "y"})


def swedish_sort_key(value: str) -> str:
    """Sort key that puts å, ä, ö after z in that order, as Swedish dictionaries do."""
    return value.casefold().translate(_SWEDISH_ORDER)
