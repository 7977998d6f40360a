"""Apps above pledges and agreements add to their pages through signals; two receivers
claiming the same context key is an error, never a silent overwrite."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.dispatch import Signal

from portal.pages import page_context


def test_template_lists_from_several_receivers_add_up_and_other_keys_are_kept():
    signal = Signal()

    def progress(sender, **kwargs):
        return {"commitment_templates": ["a.html"], "progress_year": kwargs["year"]}

    def reviews(sender, **kwargs):
        return {"commitment_templates": ["b.html"], "reviews": []}

    signal.connect(progress, weak=False)
    signal.connect(reviews, weak=False)

    context = page_context(signal, sender=object, year=2024)

    assert context == {
        "commitment_templates": ["a.html", "b.html"],
        "progress_year": 2024,
        "reviews": [],
    }


def test_two_receivers_giving_the_same_key_is_an_error():
    signal = Signal()
    signal.connect(lambda sender, **kwargs: {"reviews": [1]}, weak=False)
    signal.connect(lambda sender, **kwargs: {"reviews": [2]}, weak=False)

    with pytest.raises(ImproperlyConfigured, match="reviews"):
        page_context(signal, sender=object)


def test_the_pledge_page_gets_followups_additions(client, seeded):
    # followup's receivers are connected at start-up: the page shows its progress note.
    response = client.get("/medborgarlofte/mala-2024/")
    assert response.context["commitment_templates"] == [
        "followup/includes/commitment_progress.html"
    ]
    assert "reviews" in response.context
