"""The signing page makes as many queries for a pledge of 1 commitment as for one of 50."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.publishing.conftest import make_draft
from tests.publishing.test_sign_and_publish import send, sign, url

pytestmark = pytest.mark.django_db


def queries(client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def test_signing_page_queries_do_not_grow_with_the_commitments(client, people, place):
    small = make_draft(place, commitments=1, title="Litet löfte")
    large = make_draft(place, commitments=50, title="Stort löfte")
    for draft in (small, large):
        send(client, people.editor, draft)
        sign(client, people.police_signatory, draft)
    client.force_login(people.municipal_signatory)
    counts = [queries(client, url("sign", draft)) for draft in (small, large)]
    assert counts[0] == counts[1], counts


def test_signing_page_budget(client, people, draft, django_assert_max_num_queries):
    send(client, people.editor, draft)
    client.force_login(people.police_signatory)
    with django_assert_max_num_queries(20):
        assert client.get(url("sign", draft)).status_code == 200
