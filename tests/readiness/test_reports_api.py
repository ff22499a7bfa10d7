"""The public-report API and pages: create, list, show (HTML and signed JSON), revoke."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.utils import timezone
from rest_framework.test import APIClient

from readiness.models import CandidateGoal, PublicReport, RoleProfile
from readiness.signing import signing_key, verify_document
from tests.factories import UserFactory
from tests.readiness.reporting import practised_candidate

pytestmark = pytest.mark.django_db
LIST = "/api/readiness/reports/"


def client_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def create(client: APIClient, **body) -> dict:
    response = client.post(LIST, body, format="json")
    assert response.status_code == 201, response.content
    return response.json()


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def test_a_candidate_creates_a_link_and_anyone_opens_its_page_and_json():
    ada = practised_candidate()
    link = create(client_for(ada))

    report = PublicReport.objects.get()
    assert link["id"] == report.pk
    assert link["active"] is True
    assert link["revoked_at"] is None
    assert link["url"] == f"http://testserver/r/{report.token}/"
    assert link["json_url"] == f"http://testserver/r/{report.token}.json"
    assert len(report.token) == 43

    anonymous = APIClient()
    page = anonymous.get(path_of(link["url"]))
    assert page.status_code == 200
    html = page.content.decode()
    assert 'Readiness report: <span class="report-name">Ada Lovelace</span>' in html
    assert 'class="readiness-chart"' in html
    assert html.count('class="readiness-row"') == 13
    assert 'href="http://testserver/challenges/ledger-rounding/"' in html
    assert f'href="{link["json_url"]}"' in html
    assert 'href="http://testserver/.well-known/readiness-signing-key.json"' in html
    assert page["Cache-Control"] == "no-store"
    assert page["X-Robots-Tag"] == "noindex, nofollow"

    signed = anonymous.get(path_of(link["json_url"]))
    assert signed.status_code == 200
    assert signed["Cache-Control"] == "no-store"
    assert signed["X-Robots-Tag"] == "noindex, nofollow"
    document = signed.json()
    assert set(document) == {"report", "signature"}
    assert document["signature"]["alg"] == "EdDSA"
    assert document["signature"]["kid"] == signing_key().kid
    assert verify_document(document, signing_key().private.public_key())
    body = document["report"]
    assert set(body) == {
        "format", "id", "issued_at", "platform", "candidate", "model_version", "scale",
        "challenge_count", "skills",
    }  # fmt: skip
    assert body["id"] == report.pk
    assert body["candidate"] == {"display_name": "Ada Lovelace"}
    assert body["platform"] == "http://testserver"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", body["issued_at"])
    assert body["challenge_count"] == 2
    money = next(s for s in body["skills"] if s["slug"] == "money-correctness")
    assert money["challenges"] == 1
    assert money["low"] < money["score"] < money["high"]
    assert money["evidence"] == [
        {
            "challenge": "ledger-rounding",
            "title": "Ledger rounding",
            "difficulty": "hard",
            "best_score": 100,
            "submits": 2,
            "assisted": False,
            "url": "http://testserver/challenges/ledger-rounding/",
        }
    ]
    sql = next(s for s in body["skills"] if s["slug"] == "sql-querying")
    assert sql["evidence"][0]["best_score"] == 50


def test_the_role_verdict_is_included_when_the_candidate_has_a_goal():
    ada = practised_candidate()
    role = RoleProfile.objects.get(slug="junior-backend")
    CandidateGoal.objects.create(user=ada, role=role)
    link = create(client_for(ada))

    body = APIClient().get(path_of(link["json_url"])).json()["report"]

    assert body["role"]["slug"] == "junior-backend"
    assert body["role"]["name"] == role.name
    assert body["role"]["threshold"] == role.threshold
    assert body["role"]["verdict"] in {"ready", "almost", "not_yet"}
    page = APIClient().get(path_of(link["url"])).content.decode()
    assert f"Target role: {role.name}" in page


def test_listing_shows_only_my_links_newest_first_with_revoked_ones_marked():
    ada = practised_candidate()
    bob = UserFactory(username="bob", display_name="Bob")
    client = client_for(ada)
    first, second = create(client), create(client)
    create(client_for(bob))
    client.delete(f"{LIST}{first['id']}/")

    listing = client.get(LIST).json()

    assert listing["count"] == 2
    assert [(r["id"], r["active"]) for r in listing["results"]] == [
        (second["id"], True),
        (first["id"], False),
    ]
    assert listing["results"][1]["revoked_at"] is not None


def test_revoking_makes_both_links_fail_at_once():
    ada = practised_candidate()
    client = client_for(ada)
    link = create(client)
    anonymous = APIClient()
    assert anonymous.get(path_of(link["url"])).status_code == 200

    response = client.delete(f"{LIST}{link['id']}/")

    assert response.status_code == 204
    assert anonymous.get(path_of(link["url"])).status_code == 404
    assert anonymous.get(path_of(link["json_url"])).status_code == 404
    assert PublicReport.objects.get().revoked_at is not None


def test_post_revoke_returns_the_revoked_link_and_is_idempotent():
    ada = practised_candidate()
    client = client_for(ada)
    link = create(client)

    first = client.post(f"{LIST}{link['id']}/revoke/")
    again = client.post(f"{LIST}{link['id']}/revoke/")

    assert first.status_code == again.status_code == 200
    assert first.json()["active"] is False
    assert again.json()["revoked_at"] == first.json()["revoked_at"]
    assert APIClient().get(path_of(link["url"])).status_code == 404


def test_other_users_cannot_see_or_revoke_my_links():
    ada = practised_candidate()
    link = create(client_for(ada))
    mallory = client_for(UserFactory(username="mallory", display_name="Mallory"))

    assert mallory.get(f"{LIST}{link['id']}/").status_code == 404
    assert mallory.delete(f"{LIST}{link['id']}/").status_code == 404
    assert mallory.post(f"{LIST}{link['id']}/revoke/").status_code == 404
    assert mallory.get(LIST).json()["count"] == 0
    assert PublicReport.objects.get().revoked_at is None
    assert APIClient().get(path_of(link["url"])).status_code == 200


def test_anonymous_users_cannot_create_or_list_and_employers_are_refused():
    anonymous = APIClient()
    assert anonymous.post(LIST, {"display_name": "X"}, format="json").status_code in {401, 403}
    assert anonymous.get(LIST).status_code in {401, 403}
    employer = client_for(UserFactory(username="boss", role="employer", display_name="Boss"))
    response = employer.post(LIST, {}, format="json")
    assert response.status_code == 403
    assert response.json() == {"detail": "Only candidates have a readiness report to share."}
    assert PublicReport.objects.count() == 0


def test_a_candidate_without_a_display_name_must_choose_one():
    user = UserFactory(username="nameless")
    client = client_for(user)

    refused = client.post(LIST, {}, format="json")
    assert refused.status_code == 400
    assert refused.json() == {
        "display_name": ["Choose the name your report shows (your username is never shown)."]
    }

    link = create(client, display_name="  Grace   Hopper ")
    user.refresh_from_db()
    assert user.display_name == "Grace Hopper"
    body = APIClient().get(path_of(link["json_url"])).json()["report"]
    assert body["candidate"] == {"display_name": "Grace Hopper"}


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("   ", "Enter the name your report should show."),
        ("x" * 81, "The display name is at most 80 characters."),
        ("Ada\u202eecalovoL", "The display name can't contain control or formatting characters."),
        ("Ada\x07", "The display name can't contain control or formatting characters."),
    ],
)
def test_display_names_are_validated(name, message):
    client = client_for(UserFactory(username="ada"))
    response = client.post(LIST, {"display_name": name}, format="json")
    assert response.status_code == 400
    assert response.json() == {"display_name": [message]}


def test_active_links_are_capped():
    ada = practised_candidate()
    client = client_for(ada)
    links = [create(client) for _ in range(10)]

    refused = client.post(LIST, {}, format="json")
    assert refused.status_code == 400
    assert refused.json() == {
        "detail": "You have 10 active links, the most allowed: revoke one first."
    }

    client.delete(f"{LIST}{links[0]['id']}/")
    create(client)
    assert PublicReport.objects.filter(revoked_at__isnull=True).count() == 10


def test_the_signing_key_is_a_cacheable_jwk_set_without_sign_in():
    response = APIClient().get("/.well-known/readiness-signing-key.json")

    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=3600"
    assert response["Content-Type"] == "application/json"
    [key] = response.json()["keys"]
    assert set(key) == {"kty", "crv", "x", "kid", "use", "alg"}
    assert (key["kty"], key["crv"], key["use"], key["alg"]) == ("OKP", "Ed25519", "sig", "EdDSA")
    assert key["kid"] == signing_key().kid
    assert re.fullmatch(r"[0-9a-f]{16}", key["kid"])
    assert re.fullmatch(r"[A-Za-z0-9_-]{43}", key["x"])


def test_the_base_url_comes_from_the_setting_when_set(settings):
    settings.PUBLIC_BASE_URL = "https://interview.example.com"
    ada = practised_candidate()
    link = create(client_for(ada))
    assert link["url"].startswith("https://interview.example.com/r/")

    body = APIClient().get(path_of(link["json_url"])).json()["report"]

    assert body["platform"] == "https://interview.example.com"
    money = next(s for s in body["skills"] if s["slug"] == "money-correctness")
    assert (
        money["evidence"][0]["url"] == "https://interview.example.com/challenges/ledger-rounding/"
    )


def test_the_schema_documents_the_endpoints(client):
    cache.clear()
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    for path in (
        "/api/readiness/reports/",
        "/api/readiness/reports/{report_id}/",
        "/api/readiness/reports/{report_id}/revoke/",
        "/.well-known/readiness-signing-key.json",
        "/r/{token}.json",
    ):
        assert path in schema["paths"], path


def test_links_created_per_day_are_capped_even_when_revoked():
    ada = practised_candidate()
    client = client_for(ada)
    for _ in range(50):
        client.delete(f"{LIST}{create(client)['id']}/")

    refused = client.post(LIST, {}, format="json")

    assert refused.status_code == 400
    assert refused.json() == {
        "detail": "You created 50 links in the last 24 hours: try again later."
    }
    PublicReport.objects.update(created_at=timezone.now() - datetime.timedelta(days=1, seconds=1))
    create(client)
