"""Search helpers shared by the apps: folding in SQL, forgiving name matches and safe
highlighting of the words a resident searched for.

PostgreSQL compares names by trigram similarity and texts by Swedish full-text search;
SQLite (development and the default test run) falls back to folded substrings and a
small edit distance computed here, over the few hundred names there are.
"""

from __future__ import annotations

import re

from django.db import migrations
from django.db.models import CharField, Func, Value
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from portal.text import fold

# Letters fold() strips of their diacritics, upper and lower case: PostgreSQL's lower()
# leaves them alone under the C locale, so translate() folds them explicitly.
_ACCENTED = "ÅÄÖÉÈÜÆØåäöéèüæø"
_PLAIN = "aaoeeuaoaaoeeuao"


class Fold(Func):
    """fold() in SQL: lower case without å/ä/ö, so "MALÅ" and "mala" compare equal."""

    output_field = CharField()

    def as_sql(self, compiler, connection, **extra_context):
        # SQLite: the Python fold() itself, registered on every connection (portal/apps.py).
        return super().as_sql(compiler, connection, function="portal_fold", **extra_context)

    def as_postgresql(self, compiler, connection, **extra_context):
        translated = Func(
            Func(*self.source_expressions, function="LOWER"),
            Value(_ACCENTED),
            Value(_PLAIN),
            function="TRANSLATE",
            output_field=CharField(),
        )
        return translated.as_sql(compiler, connection)


def register_sqlite_fold(sender, connection, **kwargs) -> None:
    """Give SQLite connections the fold() behind ``Fold`` (connection_created receiver)."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            "portal_fold",
            1,
            lambda value: None if value is None else fold(value),
            deterministic=True,
        )


class PostgreSQLOnlySQL(migrations.RunSQL):
    """Raw SQL that PostgreSQL runs and other databases skip (a trigram index, say)."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


def edit_distance(a: str, b: str, *, limit: int) -> int:
    """Levenshtein distance of ``a`` and ``b``, or ``limit + 1`` once it exceeds ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            )
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def typo_allowance(folded_query: str) -> int:
    """How many typing mistakes a query of this length may hold: none in short ones."""
    return 0 if len(folded_query) < 4 else 1 if len(folded_query) < 8 else 2


def name_matches(folded_query: str, name: str) -> bool:
    """Whether ``name`` contains the query, or it or one of its words is a typo away."""
    folded_name = fold(name)
    if not folded_query:
        return False
    if folded_query in folded_name:
        return True
    limit = typo_allowance(folded_query)
    if not limit:
        return False
    candidates = [folded_name, *folded_name.split()]
    return any(edit_distance(folded_query, c, limit=limit) <= limit for c in candidates)


def query_words(query: str) -> list[str]:
    """The folded words of a query, without websearch operators or punctuation."""
    return [word for word in re.findall(r"\w+", fold(query)) if word != "or"]


_TOKEN = re.compile(r"(\w+)")


def _word_matches(token: str, words: list[str]) -> bool:
    folded = fold(token)
    # Searching "trygghetsvandringar" also marks "trygghetsvandring": Swedish endings
    # (-ar, -en, -na) are trimmed as the full-text stemmer would.
    return any(w in folded or (len(w) > 5 and w[:-2] in folded) for w in words)


def highlight(text: str, words: list[str], *, width: int | None = None) -> SafeString:
    """``text`` escaped, with every word containing a query word in <mark>; cut to about
    ``width`` characters around the first match when given."""
    if width and len(text) > width:
        first = next(
            (m.start() for m in _TOKEN.finditer(text) if _word_matches(m.group(), words)), 0
        )
        start = max(0, first - width // 3)
        end = start + width
        text = ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "")
    pieces = []
    for index, piece in enumerate(_TOKEN.split(text)):
        # split() with a group: odd indexes are the words, even ones what lies between.
        if index % 2 and _word_matches(piece, words):
            pieces.append(f"<mark>{escape(piece)}</mark>")
        else:
            pieces.append(escape(piece))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece is escaped above
