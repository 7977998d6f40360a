"""The follow-up's small world (Granby and Ekeby) and sealing, for the open data tests."""

import pytest

from tests.documents.conftest import certificate_files, document_settings  # noqa: F401
from tests.followup.conftest import fast_password_hashing, world, world_pledge  # noqa: F401
from tests.followup.review_fixtures import people_for, publish_through_sign_off


@pytest.fixture
def published_review(world):  # noqa: F811 (the imported fixture)
    """Granby's follow-up of 2024, signed by every party and published."""
    return publish_through_sign_off(world.pledge, people_for(world.pledge), 2024)
