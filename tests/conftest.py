"""Fixtures shared by every test module."""

import pytest

from pledges.seed import load_seed_documents


@pytest.fixture
def seeded(db):
    """The database with the seed documents loaded, as the README's run command leaves it."""
    load_seed_documents()
