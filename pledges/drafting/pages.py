"""The pledge's drafting pages: what starting, editing and previewing a pledge's draft
needs besides the flow every document type shares (agreements.drafting.pages)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from agreements.drafting.pages import DraftPage, StartPage
from pledges.drafting.editor import DraftEditor
from pledges.drafting.forms import StartForm
from pledges.drafting.services import pledge_draft_save, pledge_start
from pledges.publishing import PLEDGE_PUBLISHING


class PledgeStartPage(StartPage):
    spec = PLEDGE_PUBLISHING
    template_name = "pledges/drafting/pledge_new.html"
    form_class = StartForm
    heading = gettext_lazy("Nytt medborgarlöfte")

    def start(self, data, **common):
        return pledge_start(
            **common, period_start=data["period_start"], period_end=data["period_end"]
        )


class PledgeDraftPage(DraftPage):
    spec = PLEDGE_PUBLISHING
    template_name = "pledges/drafting/pledge_draft.html"
    preview_template_name = "pledges/drafting/pledge_preview.html"
    preview_url_name = "pledges:draft_preview"
    editor_class = DraftEditor
    not_editable_message = gettext_lazy("Medborgarlöftet är %(status)s och kan inte ändras nu.")

    def save(self, *, user, document, content_version, editor):
        pledge_draft_save(
            user=user, pledge=document, content_version=content_version, content=editor.content()
        )


PLEDGE_START_PAGE = PledgeStartPage()
PLEDGE_DRAFT_PAGE = PledgeDraftPage()
