"""The document types that go through the publishing workflow, by their address word.

Each app registers its spec when it is ready (agreements cannot import pledges)."""

from __future__ import annotations

from django.http import Http404

from agreements.publishing.spec import PublishingSpec

_SPECS: dict[str, PublishingSpec] = {}


def register(spec: PublishingSpec) -> None:
    _SPECS[spec.url_kind] = spec


def spec_for(kind: str) -> PublishingSpec:
    try:
        return _SPECS[kind]
    except KeyError:
        raise Http404 from None


def registered() -> list[PublishingSpec]:
    return list(_SPECS.values())
