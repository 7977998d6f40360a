"""Template helpers shared by every page and PDF."""

from django import template
from django.conf import settings
from django.utils import timezone, translation
from django.utils.html import format_html, linebreaks
from django.utils.safestring import mark_safe

from portal.choices import Phase
from portal.people import display_name, name_and_title
from portal.text import paragraphs as split_paragraphs

register = template.Library()


def document_language_attribute() -> str:
    """` lang="sv"` on a page in another language than the documents' (English), else "".

    The documents' own texts (titles, commitments, follow-ups, activities) are Swedish in
    every language of the interface; said only where it differs from the page's own
    language, so that Swedish pages and the PDFs (always Swedish) are unchanged."""
    if translation.get_language() == settings.LANGUAGE_CODE:
        return ""
    return f' lang="{settings.LANGUAGE_CODE}"'


@register.simple_tag
def document_language() -> str:
    """`<p{% document_language %}>`: marks an element that holds a document's own text."""
    return mark_safe(document_language_attribute())  # noqa: S308 (a constant attribute)


@register.filter
def paragraphs(value: str):
    """Render a stored text as <p> paragraphs (blank-line separated, line breaks kept),
    marked as the document's language on a page in another (document_language)."""
    # linebreaks() escapes each paragraph itself (autoescape=True), so the join is safe.
    html = "\n".join(linebreaks(part, autoescape=True) for part in split_paragraphs(value or ""))
    attribute = document_language_attribute()
    if attribute:
        html = html.replace("<p>", f"<p{attribute}>")
    return mark_safe(html)  # noqa: S308


@register.filter
def document_paragraphs(html: str):
    """Mark the <p> elements of already rendered text (``|linebreaks``) as the document's
    language on a page in another (document_language)."""
    attribute = document_language_attribute()
    if not attribute:
        return html
    return mark_safe(str(html).replace("<p>", f"<p{attribute}>"))  # noqa: S308 (safe input)


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
