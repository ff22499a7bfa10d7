"""Hostile JSON bodies: oversize ones are refused before they are read, deep ones are a 400."""

from __future__ import annotations

import json

import pytest
from rest_framework.test import APIClient

from tests.factories import UserFactory

SMALL_LIMIT = 2000


@pytest.fixture
def small_limit(settings):
    settings.API_JSON_MAX_BYTES = SMALL_LIMIT


def submit(client: APIClient, body: bytes, **extra):
    return client.generic(
        "POST", "/api/submissions/", body, content_type="application/json", **extra
    )


def code_body(size: int) -> bytes:
    """A submission whose JSON is exactly `size` bytes long."""
    skeleton = {"challenge": "order-total", "mode": "run", "code": ""}
    padding = size - len(json.dumps(skeleton).encode())
    body = json.dumps({**skeleton, "code": "#" * padding}).encode()
    assert len(body) == size
    return body


def test_a_body_at_the_limit_is_read_and_one_byte_more_is_413(
    small_limit, api_client, order_total, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        assert submit(api_client, code_body(SMALL_LIMIT)).status_code == 201
    refused = submit(api_client, code_body(SMALL_LIMIT + 1))
    assert refused.status_code == 413
    assert refused.json() == {
        "detail": "The request body is larger than 2000 bytes (0.0 MiB), the limit for this "
        "endpoint."
    }


def test_a_declared_length_over_the_limit_is_refused_without_reading(
    small_limit, api_client, order_total
):
    # The test client's payload raises if more is read than it holds: a 413 (not that error)
    # shows the declared length alone decided.
    refused = submit(api_client, b"{}", CONTENT_LENGTH=str(10 * 2**30))
    assert refused.status_code == 413


def test_the_default_limit_is_one_mebibyte(api_client, order_total):
    refused = submit(api_client, code_body(2**20 + 1))
    assert refused.status_code == 413
    assert "larger than 1048576 bytes (1.0 MiB)" in refused.json()["detail"]


@pytest.mark.parametrize("depth", [65, 100_000])
def test_deep_nesting_is_a_400_not_a_500(api_client, order_total, depth):
    body = b'{"challenge": "order-total", "mode": "run", "answers": ' + b"[" * depth
    body += b"]" * depth + b"}"
    response = submit(api_client, body)
    assert response.status_code == 400
    assert response.json() == {"detail": "JSON parse error - the body nests deeper than 64 levels."}


def test_nesting_within_the_cap_reaches_the_view(api_client, order_total):
    nested: list = []
    for _ in range(61):  # 62 levels; with [nested] and the object around it, 64
        nested = [nested]
    body = json.dumps({"challenge": "order-total", "mode": "run", "code": [nested]}).encode()
    response = submit(api_client, body)
    assert response.status_code == 400
    assert response.json() == {"code": ["Not a valid string."]}


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b'{"mode": NaN}', "JSON parse error - NaN is not valid JSON"),
        (b'{"mode": -Infinity}', "JSON parse error - -Infinity is not valid JSON"),
        (b'{"mode": ' + b"9" * 5000 + b"}", "JSON parse error - Exceeds the limit (4300 digits)"),
        (b'{"mode": "\xff"}', "JSON parse error - 'utf-8' codec can't decode byte 0xff"),
        (b"[1, 2", "JSON parse error - Expecting ',' delimiter"),
    ],
)
def test_malformed_bodies_are_a_400(api_client, order_total, body, message):
    response = submit(api_client, body)
    assert response.status_code == 400
    assert response.json()["detail"].startswith(message)


def test_the_token_endpoint_is_bounded_too(db, small_limit):
    UserFactory(username="ada")
    client = APIClient()
    good = {"username": "ada", "password": "correct-horse-battery"}
    assert client.post("/api/auth/token/", good, format="json").status_code == 200
    big = {**good, "padding": "x" * SMALL_LIMIT}
    assert client.post("/api/auth/token/", big, format="json").status_code == 413
