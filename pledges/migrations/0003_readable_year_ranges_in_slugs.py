"""Give back the hyphen of a year range that an earlier slug lost.

The admin made slugs from titles with its own JavaScript, which drops an en or em dash:
"Medborgarlöfte 2023–2024" became "medborgarlofte-20232024". Such a slug becomes
"medborgarlofte-2023-2024" (when no other document has that address), and the old
address is kept as a former slug, which redirects permanently. Slugs chosen by hand
(the seed documents' "nordmaling-2023-2025") already have their hyphens and are left.
"""

import re

from django.db import migrations

# Two years glued together in a slug, and the same two years joined by a dash in a title.
GLUED_YEARS = re.compile(r"(?<!\d)((?:19|20)\d\d)((?:19|20)\d\d)(?!\d)")
DASH = "[\u2010-\u2015\u2212]"


def readable_slug(slug, title):
    def hyphenate(match):
        start, end = match.groups()
        if re.search(rf"{start}\s*{DASH}\s*{end}", title):
            return f"{start}-{end}"
        return match.group(0)

    return GLUED_YEARS.sub(hyphenate, slug)


def hyphenate_year_ranges(apps, schema_editor):
    for model_name, former_name, field in [
        ("agreements.Agreement", "agreements.AgreementFormerSlug", "agreement"),
        ("pledges.Pledge", "pledges.PledgeFormerSlug", "pledge"),
    ]:
        Document = apps.get_model(model_name)
        FormerSlug = apps.get_model(former_name)
        for document in Document.objects.filter(slug__regex=r"[0-9]{8}").only("slug", "title"):
            slug = readable_slug(document.slug, document.title)
            if slug == document.slug or Document.objects.filter(slug=slug).exists():
                continue
            FormerSlug.objects.update_or_create(slug=document.slug, defaults={field: document})
            FormerSlug.objects.filter(slug=slug).delete()
            Document.objects.filter(pk=document.pk).update(slug=slug)


class Migration(migrations.Migration):
    dependencies = [
        ("agreements", "0004_former_slugs"),
        ("pledges", "0002_former_slugs"),
    ]

    operations = [
        migrations.RunPython(hyphenate_year_ranges, migrations.RunPython.noop),
    ]
