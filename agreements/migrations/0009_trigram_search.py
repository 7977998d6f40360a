"""Trigram search of municipality names on PostgreSQL; nothing on SQLite.

TrigramExtension (CreateExtension) already does nothing on other databases; the GIN
index on the folded name is raw SQL run on PostgreSQL only, so it is not in the model
state and SQLite never sees it.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

from portal.search import PostgreSQLOnlySQL


class Migration(migrations.Migration):
    dependencies = [
        ("agreements", "0008_police_area_naming"),
    ]

    operations = [
        TrigramExtension(),
        PostgreSQLOnlySQL(
            "CREATE INDEX IF NOT EXISTS agreements_municipality_search_name_trgm "
            "ON agreements_municipality USING gin (search_name gin_trgm_ops)",
            reverse_sql="DROP INDEX IF EXISTS agreements_municipality_search_name_trgm",
        ),
    ]
