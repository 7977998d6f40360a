"""What every open data schema shares: absolute addresses, paging and errors."""

from __future__ import annotations

from django.conf import settings
from ninja import Field, Schema


def absolute(path: str) -> str:
    return settings.SITE_URL + path


class PageInfo(Schema):
    count: int = Field(description="Antal poster totalt.")
    limit: int = Field(description="Högst så många poster per sida.")
    offset: int = Field(description="Antal poster före den här sidan.")
    next: str | None = Field(description="Adressen till nästa sida, om det finns en.")
    previous: str | None = Field(description="Adressen till föregående sida, om det finns en.")


class Error(Schema):
    detail: str = Field(description="Vad som gick fel, på svenska.")
