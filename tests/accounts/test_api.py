"""The accounts API: GET/PATCH/DELETE /api/me/, POST /api/me/password/, GET /api/me/export/."""

from __future__ import annotations

import json

import pytest
from rest_framework.test import APIClient

from accounts.models import User
from submissions.models import Review
from tests.accounts.world import build_world
from tests.factories import UserFactory

PASSWORD = "correct-horse-battery"


def client_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def ada(db):
    return UserFactory(username="ada", email="ada@example.com", display_name="Ada")


def test_me_shows_the_profile(ada):
    assert client_for(ada).get("/api/me/").json() == {
        "id": ada.pk,
        "username": "ada",
        "display_name": "Ada",
        "email": "ada@example.com",
        "time_zone": "UTC",
        "role": "candidate",
        "is_staff": False,
    }


def test_patch_changes_the_profile(ada):
    response = client_for(ada).patch(
        "/api/me/",
        {
            "display_name": "Ada L",
            "time_zone": "Asia/Tokyo",
            "email": "a@example.org",
            "current_password": PASSWORD,
        },
        format="json",
    )
    assert response.status_code == 200
    body = response.json()
    assert (body["display_name"], body["time_zone"], body["email"]) == (
        "Ada L",
        "Asia/Tokyo",
        "a@example.org",
    )


@pytest.mark.parametrize(
    ("payload", "errors"),
    [
        (
            {"time_zone": "Nowhere/Else"},
            {"time_zone": ["Choose a time zone from the list (such as Europe/Paris)."]},
        ),
        (
            {"email": "a@example.org"},
            {"current_password": ["Enter your current password to change your email."]},
        ),
        ({"email": "nope"}, {"email": ["Enter a valid email address."]}),
        ({"display_name": ["x"]}, {"display_name": ["Not a valid string."]}),
        (
            {"time_zone": "x" * 65},
            {"time_zone": ["Ensure this field has no more than 64 characters."]},
        ),
    ],
)
def test_patch_refuses_bad_values_with_a_400(ada, payload, errors):
    response = client_for(ada).patch("/api/me/", payload, format="json")
    assert response.status_code == 400
    assert response.json() == errors


def test_change_password_keeps_the_session(client, ada):
    client.force_login(ada)
    response = client.post(
        "/api/me/password/",
        {"current_password": PASSWORD, "new_password": "another-long-phrase"},
        content_type="application/json",
    )
    assert response.status_code == 204
    assert client.get("/api/me/").status_code == 200
    ada.refresh_from_db()
    assert ada.check_password("another-long-phrase")


def test_change_password_refuses_a_weak_or_wrong_one(ada):
    api = client_for(ada)
    weak = api.post(
        "/api/me/password/", {"current_password": PASSWORD, "new_password": "ada"}, format="json"
    )
    assert weak.status_code == 400
    assert weak.json() == {
        "new_password": [
            "The password is too similar to the username.",
            "This password is too short. It must contain at least 8 characters.",
            "This password is too common.",
        ]
    }
    wrong = api.post(
        "/api/me/password/",
        {"current_password": "nope", "new_password": "another-long-phrase"},
        format="json",
    )
    assert wrong.status_code == 400
    assert wrong.json() == {"current_password": ["Your current password is not correct."]}


def test_export_is_a_json_download(order_total):
    world = build_world(order_total)
    response = client_for(world.ada).get("/api/me/export/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="account-{world.ada.pk}-export.json"'
    )
    data = json.loads(response.content)
    assert [s["id"] for s in data["submissions"]] == [world.submission.pk]


def test_delete_needs_the_password_then_deletes(order_total):
    world = build_world(order_total)
    api = client_for(world.ada)
    assert api.delete("/api/me/", {}, format="json").json() == {
        "password": ["This field is required."]
    }
    assert api.delete("/api/me/", {"password": "nope"}, format="json").status_code == 400
    assert User.objects.filter(pk=world.ada.pk).exists()
    assert api.delete("/api/me/", {"password": PASSWORD}, format="json").status_code == 204
    assert not User.objects.filter(pk=world.ada.pk).exists()
    assert Review.objects.get(pk=world.review.pk).reviewer_id is None


def test_me_endpoints_need_sign_in(db):
    anonymous = APIClient()
    for method, path in [
        ("get", "/api/me/"),
        ("patch", "/api/me/"),
        ("delete", "/api/me/"),
        ("post", "/api/me/password/"),
        ("get", "/api/me/export/"),
    ]:
        assert getattr(anonymous, method)(path).status_code == 403, (method, path)
