"""The seed loader is idempotent, and never changes a published document: a seed that
differs from what was published stops it."""

import json
import shutil

import pytest
from django.core.management import CommandError, call_command

from agreements.models import Agreement, DocumentFrozenError, Municipality, PoliceArea
from pledges.models import Commitment, FocusArea, Pledge, PledgeSignatory
from pledges.seed import FIXTURES_DIR, SeedConflict, load_seed_documents
from tests.factories import PledgeFactory

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


def test_a_published_seed_commitment_refuses_an_edit_and_a_reload_changes_nothing(seeded):
    commitment = Commitment.objects.get(pledge__slug="mala-2024", order=4)
    original = commitment.text
    commitment.text = "Ändrad text"
    with pytest.raises(DocumentFrozenError):
        commitment.save()

    before = snapshot()
    assert not load_seed_documents().changed
    assert snapshot() == before
    commitment.refresh_from_db()
    assert commitment.text == original


def test_a_seed_that_differs_from_its_published_pledge_stops_the_loader(seeded, tmp_path):
    directory = tmp_path / "fixtures"
    shutil.copytree(FIXTURES_DIR, directory)
    seed = directory / "documents" / "mala.json"
    data = json.loads(seed.read_text(encoding="utf-8"))
    mala = next(row for row in data["pledges"] if row["slug"] == "mala-2024")
    original = mala["commitments"][4]["text"]
    mala["commitments"][4]["text"] = "En text som inte är den publicerade."
    seed.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    before = snapshot()

    with pytest.raises(SeedConflict, match="mala-2024 is published"):
        load_seed_documents(directory=directory)

    assert snapshot() == before
    assert Commitment.objects.get(pledge__slug="mala-2024", order=4).text == original


def test_a_published_pledge_with_a_seeds_address_and_another_text_stops_the_loader():
    PledgeFactory(slug="mala-2024", title="Ett annat löfte", background="Annan bakgrund.")

    with pytest.raises(SeedConflict, match="mala-2024"):
        load_seed_documents()

    pledge = Pledge.objects.get(slug="mala-2024")
    assert (pledge.title, pledge.background) == ("Ett annat löfte", "Annan bakgrund.")
    assert not Agreement.objects.exists()  # the whole load is undone


def test_command_says_when_nothing_changed(seeded, capsys):
    call_command("load_seed_documents")
    assert "nothing changed" in capsys.readouterr().out


def test_command_explains_a_seed_conflict_instead_of_a_traceback():
    PledgeFactory(slug="mala-2024", title="Ett annat löfte")
    with pytest.raises(CommandError, match="draft and sign a revision"):
        call_command("load_seed_documents")
