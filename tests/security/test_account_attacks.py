"""Attacks on the account page and API: deletion, export, CSRF, email takeover, time zones,
and what a visitor may see of the catalogue."""

from __future__ import annotations

import json

import pytest
from django.core.cache import cache
from django.test import Client
from rest_framework.test import APIClient

from accounts.models import User
from organisations.models import Membership, Organisation
from tests.accounts.world import build_world
from tests.factories import UserFactory, published_challenge

PASSWORD = "correct-horse-battery"


@pytest.fixture
def world(order_total):
    return build_world(order_total)


def api_as(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_deleting_without_the_password_is_refused_everywhere(world):
    api = api_as(world.ada)
    for body in ({}, {"password": ""}, {"password": None}, {"password": ["x"]}, "junk"):
        response = api.delete("/api/me/", body, format="json")
        assert response.status_code == 400, body
    page = Client()
    page.force_login(world.ada)
    assert page.post("/account/delete/", {}).status_code == 400
    assert page.get("/account/delete/").status_code == 405  # never by a link or an image
    assert User.objects.filter(pk=world.ada.pk).exists()


def test_a_huge_password_is_refused_before_hashing(world):
    response = api_as(world.ada).delete("/api/me/", {"password": "x" * 5000}, format="json")
    assert response.status_code == 400
    assert response.json() == {"password": ["Ensure this field has no more than 1024 characters."]}


def test_the_export_is_only_ever_the_callers_own(world):
    # No id in the URL to change: each caller gets their own, bob's has none of ada's data.
    for path in ("/api/me/export/", f"/api/me/export/?user={world.ada.pk}"):
        data = json.loads(api_as(world.bob).get(path).content)
        assert data["profile"]["username"] == "bob"
        assert "ada@example.com" not in json.dumps(data)
        assert "def total(): return 1" not in json.dumps(data)
    page = Client()
    page.force_login(world.bob)
    data = json.loads(page.get(f"/account/export.json?user={world.ada.pk}").content)
    assert data["profile"]["username"] == "bob"
    # The reviewed candidate sees the review, never the reviewer's identity.
    assert data["submissions"][0]["review"] == {
        "scores": {"q": [1]},
        "comment": "Clear.",
        "created_at": world.review.created_at.isoformat(),
    }


def test_anonymous_export_and_delete_are_refused(world):
    assert APIClient().get("/api/me/export/").status_code == 403
    assert Client().get("/account/export.json").status_code == 302
    assert Client().post("/account/delete/", {"delete-password": PASSWORD}).status_code == 302
    assert User.objects.filter(pk=world.ada.pk).exists()


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("/account/delete/", {"delete-password": PASSWORD}),
        (
            "/account/password/",
            {"password-current_password": PASSWORD, "password-new_password": "taken-over-phrase"},
        ),
        (
            "/account/profile/",
            {
                "profile-email": "evil@example.com",
                "profile-time_zone": "UTC",
                "profile-current_password": PASSWORD,
            },
        ),
    ],
)
def test_page_forms_need_the_csrf_token(world, path, data):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.ada)
    assert client.post(path, data).status_code == 403
    ada = User.objects.get(pk=world.ada.pk)
    assert ada.email == "ada@example.com"
    assert ada.check_password(PASSWORD)


def test_api_writes_with_a_session_need_the_csrf_token(world):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(world.ada)
    assert client.delete("/api/me/", {"password": PASSWORD}, format="json").status_code == 403
    assert (
        client.post(
            "/api/me/password/",
            {"current_password": PASSWORD, "new_password": "taken-over-phrase"},
            format="json",
        ).status_code
        == 403
    )
    assert client.patch("/api/me/", {"display_name": "pwned"}, format="json").status_code == 403
    ada = User.objects.get(pk=world.ada.pk)
    assert (ada.display_name, ada.check_password(PASSWORD)) == ("Ada L", True)


def test_email_takeover_is_refused(world):
    # A borrowed session can't point password resets elsewhere, nor claim another's address.
    api = api_as(world.ada)
    no_password = api.patch("/api/me/", {"email": "evil@example.com"}, format="json")
    assert no_password.status_code == 400
    wrong = api.patch(
        "/api/me/", {"email": "evil@example.com", "current_password": "guess"}, format="json"
    )
    assert wrong.status_code == 400
    for taken in ("bob@example.com", "BOB@Example.COM", " bob@example.com "):
        response = api.patch(
            "/api/me/", {"email": taken, "current_password": PASSWORD}, format="json"
        )
        assert response.status_code == 400, taken
        assert response.json() == {"email": ["Another account uses this email."]}
    assert User.objects.get(pk=world.ada.pk).email == "ada@example.com"


def test_changing_the_password_ends_other_sessions(world):
    other_device = Client()
    other_device.force_login(world.ada)
    this_device = Client()
    this_device.force_login(world.ada)
    this_device.post(
        "/account/password/",
        {"password-current_password": PASSWORD, "password-new_password": "brand-new-phrase"},
    )
    assert this_device.get("/account/").status_code == 200
    assert other_device.get("/account/").status_code == 302


@pytest.mark.parametrize(
    "zone",
    [
        "../../../etc/passwd",
        "/etc/localtime",
        "Europe/../../etc/passwd",
        "<script>alert(1)</script>",
        "UTC\x00",
        "",
        "utc",  # names are case-sensitive; only listed ones are accepted
        "posixrules",
    ],
)
def test_time_zone_injection_is_refused(world, zone):
    response = api_as(world.ada).patch("/api/me/", {"time_zone": zone}, format="json")
    assert response.status_code == 400
    assert User.objects.get(pk=world.ada.pk).time_zone == "UTC"


def test_a_stored_bad_time_zone_never_breaks_pages(world):
    # Written around the services (say, by a bad migration): the middleware falls back to UTC.
    User.objects.filter(pk=world.ada.pk).update(time_zone="../../etc/passwd")
    client = Client()
    client.force_login(world.ada)
    assert client.get("/account/").status_code == 200


@pytest.fixture
def private(db):
    acme = Organisation.objects.create(slug="acme", name="Acme")
    challenge = published_challenge("acme-secret", title="Acme secret", organisation=acme)
    return acme, challenge


def test_visitors_never_see_private_challenges(private):
    visitor = APIClient()
    assert visitor.get("/api/challenges/acme-secret/").status_code == 404
    assert visitor.get("/api/challenges/").json()["count"] == 0
    assert visitor.get("/api/challenges/?search=secret").json()["count"] == 0
    assert Client().get("/challenges/acme-secret/").status_code == 404
    assert "Acme secret" not in Client().get("/challenges/?search=Acme").content.decode()


def test_members_still_see_their_private_challenges(private):
    acme, _ = private
    member = UserFactory(username="member")
    Membership.objects.create(organisation=acme, user=member, role="member")
    assert api_as(member).get("/api/challenges/acme-secret/").status_code == 200
    outsider = UserFactory(username="outsider")
    assert api_as(outsider).get("/api/challenges/acme-secret/").status_code == 404


def test_visitors_get_no_hidden_data_and_no_help(order_total):
    visitor = APIClient()
    body = visitor.get("/api/challenges/order-total/").json()
    assert body["hints"] == []
    assert body["editorial_html"] is None
    assert "reference_solution" not in body
    assert all(case.keys() == {"ordinal", "name", "input", "expected"} for case in body["examples"])
    # Opening help, running or submitting needs an account.
    for path in ("/api/challenges/order-total/hints/", "/api/challenges/order-total/editorial/"):
        assert visitor.post(path, {}, format="json").status_code == 403
    submit = visitor.post(
        "/api/submissions/",
        {"challenge": "order-total", "mode": "run", "code": "x = 1"},
        format="json",
    )
    assert submit.status_code == 403


def test_unpublished_challenges_stay_hidden_from_visitors(db):
    draft = published_challenge("draft-one", title="Draft one")
    draft.is_published = False
    draft.save(update_fields=["is_published"])
    assert APIClient().get("/api/challenges/draft-one/").status_code == 404
    assert Client().get("/challenges/draft-one/").status_code == 404


def test_the_sole_owner_cannot_orphan_an_organisation(db):
    owner = UserFactory(username="owner")
    acme = Organisation.objects.create(slug="acme", name="Acme")
    Membership.objects.create(organisation=acme, user=owner, role="owner")
    Membership.objects.create(organisation=acme, user=UserFactory(username="m"), role="member")
    response = api_as(owner).delete("/api/me/", {"password": PASSWORD}, format="json")
    assert response.status_code == 400
    assert User.objects.filter(pk=owner.pk).exists()


def test_password_checks_share_the_sign_in_budget(world, settings):
    # A borrowed session must not become a way to guess the password: 3 checks per account here.
    cache.clear()
    settings.AUTH_THROTTLE_RATES = {
        **settings.AUTH_THROTTLE_RATES,
        "sign_in": {"ip": "1000/min", "account": "3/15min"},
    }
    api = api_as(world.ada)
    for guess in ("one", "two", "three"):
        assert api.delete("/api/me/", {"password": guess}, format="json").status_code == 400
    refused = api.delete("/api/me/", {"password": PASSWORD}, format="json")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert (
        api.post(
            "/api/me/password/",
            {"current_password": PASSWORD, "new_password": "taken-over-phrase"},
            format="json",
        ).status_code
        == 429
    )
    page = Client()
    page.force_login(world.ada)
    response = page.post("/account/delete/", {"delete-password": PASSWORD})
    assert response.status_code == 429
    assert "Too many attempts: try again in" in response.content.decode()
    # Changes that check no password are not counted.
    assert api.patch("/api/me/", {"display_name": "Ada"}, format="json").status_code == 200
    assert User.objects.filter(pk=world.ada.pk).exists()
    cache.clear()
