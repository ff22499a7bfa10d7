"""The authoring API: create from a package, version on change, validate, then publish."""

import pytest
from rest_framework.test import APIClient

from challenges.models import Challenge
from challenges.packages import read_package
from organisations.models import Membership, Organisation
from tests.conftest import CATALOGUE
from tests.factories import UserFactory


def client_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def package_json():
    content = read_package(CATALOGUE / "order-total").content()
    return {**content, "slug": "acme_order-total"}


@pytest.fixture
def acme(db):
    return Organisation.objects.create(slug="acme", name="Acme")


@pytest.fixture
def author(acme):
    user = UserFactory(username="acme-author", role="employer")
    Membership.objects.create(organisation=acme, user=user, role="author")
    return user


def test_candidates_may_not_author(db, package_json):
    response = client_for(UserFactory(username="c")).post(
        "/api/authoring/challenges/", {"package": package_json}, format="json"
    )
    assert response.status_code == 403
    assert response.json() == {"detail": "You may not author challenges here."}


def test_employer_creates_a_private_unpublished_challenge(author, package_json):
    response = client_for(author).post(
        "/api/authoring/challenges/",
        {"organisation": "acme", "package": package_json},
        format="json",
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["slug"] == "acme_order-total"
    assert body["organisation"] == "acme"
    assert body["is_published"] is False
    assert body["latest_version"]["number"] == 1
    assert body["latest_version"]["validation_ok"] is None
    assert Challenge.objects.get(slug="acme_order-total").organisation.slug == "acme"


def test_employers_may_not_write_the_public_catalogue(author, package_json):
    response = client_for(author).post(
        "/api/authoring/challenges/", {"package": package_json}, format="json"
    )
    assert response.status_code == 403


def test_invalid_packages_list_every_problem(author, package_json):
    package_json["difficulty"] = "extreme"
    package_json["cases"] = [{"name": "only", "visibility": "hidden", "input": {"args": []}}]
    response = client_for(author).post(
        "/api/authoring/challenges/",
        {"organisation": "acme", "package": package_json},
        format="json",
    )
    assert response.status_code == 400
    assert response.json() == {
        "package": {
            "difficulty": ['"extreme" is not a valid choice.'],
            "cases": ["case 1: 'expected' is missing"],
        }
    }
    package_json["difficulty"] = "easy"
    response = client_for(author).post(
        "/api/authoring/challenges/",
        {"organisation": "acme", "package": package_json},
        format="json",
    )
    assert response.json() == {"package": {"cases": ["case 1: 'expected' is missing"]}}
    package_json["cases"][0]["expected"] = 1
    package_json["config"]["entrypoint"] = "not an identifier"
    response = client_for(author).post(
        "/api/authoring/challenges/",
        {"organisation": "acme", "package": package_json},
        format="json",
    )
    assert response.status_code == 400
    assert response.json() == {
        "package": [
            "challenge.toml: [python] entrypoint must be a Python identifier",
            "cases.json: at least one case must be a visible example",
        ]
    }


def test_publishing_requires_a_passing_validation(author, package_json, monkeypatch):
    client = client_for(author)
    client.post(
        "/api/authoring/challenges/",
        {"organisation": "acme", "package": package_json},
        format="json",
    )
    response = client.post("/api/authoring/challenges/acme_order-total/publish/")
    assert response.status_code == 400
    assert response.json() == {
        "version": ["version 1 has not passed validation; validate it first"]
    }


def test_unchanged_content_makes_no_new_version_and_changes_do(author, package_json):
    client = client_for(author)
    client.post(
        "/api/authoring/challenges/",
        {"organisation": "acme", "package": package_json},
        format="json",
    )
    url = "/api/authoring/challenges/acme_order-total/"
    assert (
        client.put(url, {"package": package_json}, format="json").json()["latest_version"]["number"]
        == 1
    )
    package_json["statement_md"] += "\nMore."
    body = client.put(url, {"package": package_json}, format="json").json()
    assert body["latest_version"]["number"] == 2
    detail = client.get(url).json()
    assert detail["package"]["statement_md"].endswith("More.")
    assert len(detail["package"]["cases"]) == 12  # authors see hidden cases


def test_other_organisations_cannot_see_it(author, package_json):
    client_for(author).post(
        "/api/authoring/challenges/",
        {"organisation": "acme", "package": package_json},
        format="json",
    )
    outsider = UserFactory(username="outsider", role="employer")
    assert (
        client_for(outsider).get("/api/authoring/challenges/acme_order-total/").status_code == 404
    )
    assert client_for(outsider).get("/api/authoring/challenges/").json()["results"] == []
    listed = client_for(author).get("/api/authoring/challenges/").json()
    assert [(c["slug"], c["latest_version"]["number"]) for c in listed["results"]] == [
        ("acme_order-total", 1)
    ]


@pytest.mark.docker
def test_validate_then_publish(author, package_json):
    client = client_for(author)
    client.post(
        "/api/authoring/challenges/",
        {"organisation": "acme", "package": package_json},
        format="json",
    )
    report = client.post("/api/authoring/challenges/acme_order-total/validate/").json()
    assert report["validation_ok"] is True
    assert report["validation_report"]["problems"] == []
    assert [m["killed"] for m in report["validation_report"]["mutants"]] == [True, True, True]
    published = client.post("/api/authoring/challenges/acme_order-total/publish/").json()
    assert published["is_published"] is True
    assert published["published_version"] == 1


def test_markdown_preview_is_sanitised(author):
    response = client_for(author).post(
        "/api/authoring/preview/", {"markdown": "**hi** <script>x</script>"}, format="json"
    )
    assert response.json() == {"html": "<p><strong>hi</strong> x</p>"}
