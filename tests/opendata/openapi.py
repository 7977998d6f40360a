"""Validate the API's answers against the OpenAPI document the API itself serves."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

from openapi_core import OpenAPI
from openapi_core.testing import MockRequest, MockResponse

DOCUMENT = "/api/v1/openapi.json"


class Validator:
    def __init__(self, client) -> None:
        response = client.get(DOCUMENT)
        assert response.status_code == 200
        self.client = client
        self.openapi = OpenAPI.from_dict(response.json())

    def get(self, url: str, status: int = 200, **headers):
        """GET ``url`` and check the answer against the document; returns the response."""
        response = self.client.get(url, headers=headers)
        assert response.status_code == status, (url, response.content[:300])
        parts = urlsplit(url)
        request = MockRequest(
            "http://testserver", "get", parts.path, args=dict(parse_qsl(parts.query))
        )
        self.openapi.validate_response(
            request,
            MockResponse(
                response.content,
                status_code=response.status_code,
                content_type=response["Content-Type"].split(";")[0],
            ),
        )
        return response
