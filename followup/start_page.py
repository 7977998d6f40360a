"""The start page of coordinators, signatories and editors ("Mina åtaganden"): the
activity log of their pledges and the annual follow-ups they draft or sign."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from agreements.drafting.selectors import drafts_for_editor as document_drafts
from agreements.models import Agreement, Membership
from agreements.naming.selectors import naming_links
from agreements.people.selectors import administered_organisations
from agreements.permissions import roles_of
from agreements.publishing.selectors import documents_to_sign
from followup.activities.forms import ActivityForm
from followup.activities.models import Activity
from followup.activities.selectors import coordinator_overview, pledges_for_editor
from followup.reviews.selectors import (
    coordinator_reviews,
    pledges_to_follow_up,
    recent_events,
    signatory_queue,
)
from pledges.drafting.selectors import drafts_for_editor


@login_required
def start(request):
    document_reviews = coordinator_reviews(request.user)
    pledges = coordinator_overview(pledges_to_follow_up(request.user, document_reviews))
    for pledge in pledges:
        for commitment in pledge.own_commitments:
            commitment.pledge = pledge
            commitment.log_form = ActivityForm(
                instance=Activity(commitment=commitment), prefix=f"c{commitment.pk}"
            )
    return render(
        request,
        "followup/coordinator_start.html",
        {
            "pledges": pledges,
            "editor_pledges": pledges_for_editor(request.user),
            "is_editor": roles_of(request.user).has_any(Membership.Role.EDITOR),
            "drafts": drafts_for_editor(request.user),
            "agreement_drafts": document_drafts(Agreement, request.user),
            "document_reviews": document_reviews,
            "review_queue": signatory_queue(request.user),
            "documents_to_sign": documents_to_sign(request.user),
            "review_events": recent_events(request.user),
            "is_signatory": roles_of(request.user).has_any(Membership.Role.SIGNATORY),
            "administered": administered_organisations(request.user),
            "naming_links": naming_links(request.user),
            "today": timezone.localdate(),
        },
    )
