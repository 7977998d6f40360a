"""The seed loader is idempotent and restores what the seeds say."""

import pytest
from django.core.management import call_command

from agreements.models import Agreement, Municipality, PoliceArea
from pledges.models import Commitment, FocusArea, Pledge, PledgeSignatory
from pledges.seed import load_seed_documents

pytestmark = pytest.mark.django_db

MODELS = [PoliceArea, Municipality, Agreement, Pledge, FocusArea, Commitment, PledgeSignatory]


def snapshot():
    rows = {model.__name__: model.objects.count() for model in MODELS}
    history = {model.__name__: model.history.count() for model in MODELS}
    return rows, history


def test_loading_twice_changes_nothing_and_adds_no_history(seeded):
    before = snapshot()
    report = load_seed_documents()
    assert not report.changed
    assert snapshot() == before


def test_seed_counts_match_the_published_documents(seeded):
    assert Municipality.objects.count() == 9
    assert PoliceArea.objects.count() == 3
    assert Agreement.objects.count() == 1
    assert Pledge.objects.count() == 8
    assert Commitment.objects.filter(pledge__slug="mala-2024").count() == 7
    assert PledgeSignatory.objects.filter(pledge__slug="mala-2024").count() == 4
    assert FocusArea.objects.filter(pledge__slug="nordmaling-2023-2025").count() == 6
    assert PledgeSignatory.objects.filter(pledge__slug="nordmaling-2023-2025").count() == 2
    fyrbodal = Pledge.objects.get(slug="sodra-fyrbodal-2023-2024")
    assert fyrbodal.municipalities.count() == 3
    assert fyrbodal.commitments.filter(responsible="police").count() == 5
    assert fyrbodal.commitments.filter(responsible="municipality").count() == 6


def test_facts_not_in_the_seeds_are_left_out(seeded):
    assert Municipality.objects.get(slug="nordmaling").police_area is None
    assert Municipality.objects.get(slug="asele").police_area is None
    assert Pledge.objects.get(slug="nordmaling-2023-2025").police_area is None
    assert Municipality.objects.get(slug="mala").police_area.name == "Skellefteå"


def test_loader_restores_an_edited_commitment(seeded):
    commitment = Commitment.objects.get(pledge__slug="mala-2024", order=4)
    original = commitment.text
    commitment.text = "Ändrad text"
    commitment.save()
    report = load_seed_documents()
    assert report.updated == 1
    commitment.refresh_from_db()
    assert commitment.text == original


def test_command_says_when_nothing_changed(seeded, capsys):
    call_command("load_seed_documents")
    assert "nothing changed" in capsys.readouterr().out
