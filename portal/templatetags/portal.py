"""Template helpers shared by every page and PDF."""

from django import template
from django.utils import timezone
from django.utils.html import format_html, linebreaks
from django.utils.safestring import mark_safe

from portal.choices import Phase
from portal.people import display_name, name_and_title
from portal.text import paragraphs as split_paragraphs

register = template.Library()


@register.filter
def paragraphs(value: str):
    """Render a stored text as <p> paragraphs (blank-line separated, line breaks kept)."""
    # linebreaks() escapes each paragraph itself (autoescape=True), so the join is safe.
    return mark_safe(  # noqa: S308
        "\n".join(linebreaks(part, autoescape=True) for part in split_paragraphs(value or ""))
    )


@register.filter
def person_name(user) -> str:
    """A person as pages show them: their full name, else "namn saknas" (never the login
    name); "–" where there is no account at all."""
    return display_name(user) if user is not None else "–"


@register.filter
def person_and_title(user) -> str:
    """A person with their title, "Anna Berg, kommunchef" (``profile`` loaded), else as
    ``person_name``."""
    return name_and_title(user) or person_name(user)


@register.simple_tag(takes_context=True)
def phase_badge(context, document):
    """A text badge saying whether a pledge or agreement is current, ended or upcoming."""
    today = context.get("today")
    phase = document.phase(today)
    return format_html('<span class="badge badge--{}">{}</span>', phase.value, Phase(phase).label)


@register.simple_tag(takes_context=True)
def phase_sentence(context, document):
    """A full sentence on the document's validity today, from its own ``phase_sentence``."""
    return format_html(
        '<p class="phase-sentence">{}</p>', document.phase_sentence(context.get("today"))
    )


@register.filter
def machine_datetime(value) -> str:
    """A moment for a <time datetime> attribute: ISO 8601 in local time, whole seconds."""
    if not value:
        return ""
    return timezone.localtime(value).replace(microsecond=0).isoformat()
