"""POST /api/authoring/preview/: sanitised HTML and warnings, for staff and organisation authors."""

import pytest
from rest_framework.test import APIClient

from organisations.models import Membership, Organisation
from tests.factories import UserFactory

URL = "/api/authoring/preview/"


def client_for(user) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


@pytest.fixture
def acme(db):
    return Organisation.objects.create(slug="acme", name="Acme")


def member(acme, role: str):
    user = UserFactory(username=f"acme-{role}", role="employer")
    Membership.objects.create(organisation=acme, user=user, role=role)
    return user


@pytest.mark.parametrize("role", ["owner", "author"])
def test_organisation_authors_see_html_and_warnings(acme, role):
    response = client_for(member(acme, role)).post(
        URL, {"markdown": "Intro\n\n<details>\n\nUse `x < y`.\n"}, format="json"
    )
    assert response.status_code == 200
    assert response.json() == {
        "html": "<p>Intro</p>\n<p>&lt;details&gt;</p>\n<p>Use <code>x &lt; y</code>.</p>",
        "warnings": ["line 3: <details> is not allowed; shown as text"],
    }


def test_staff_preview_clean_markdown_without_warnings(db):
    response = client_for(UserFactory(username="ops", is_staff=True)).post(
        URL, {"markdown": "Press <kbd>Esc</kbd>."}, format="json"
    )
    assert response.json() == {"html": "<p>Press <kbd>Esc</kbd>.</p>", "warnings": []}


@pytest.mark.parametrize("role", ["reviewer", "member"])
def test_members_who_do_not_author_may_not_preview(acme, role):
    response = client_for(member(acme, role)).post(URL, {"markdown": "x"}, format="json")
    assert response.status_code == 403
    assert response.json() == {"detail": "Only staff and organisation authors may preview."}


def test_candidates_and_anonymous_may_not_preview(db):
    candidate = client_for(UserFactory(username="cand")).post(URL, {"markdown": "x"}, format="json")
    assert candidate.status_code == 403
    anonymous = client_for(None).post(URL, {"markdown": "x"}, format="json")
    assert anonymous.status_code == 403
    assert anonymous.json() == {"detail": "Authentication credentials were not provided."}


def test_too_long_markdown_is_a_clear_400(db):
    response = client_for(UserFactory(username="ops", is_staff=True)).post(
        URL, {"markdown": "x" * 200_001}, format="json"
    )
    assert response.status_code == 400
    assert response.json() == {
        "markdown": ["Ensure this field has no more than 200000 characters."]
    }


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ({}, {"markdown": ["This field is required."]}),
        ({"markdown": ["a"]}, {"markdown": ["Not a valid string."]}),
        ({"markdown": None}, {"markdown": ["This field may not be null."]}),
    ],
)
def test_malformed_bodies_are_400(db, body, expected):
    response = client_for(UserFactory(username="ops", is_staff=True)).post(URL, body, format="json")
    assert response.status_code == 400
    assert response.json() == expected


def test_the_schema_documents_html_and_warnings(db):
    schema = client_for(UserFactory(username="ops", is_staff=True)).get(
        "/api/schema/", {"format": "json"}
    )
    operation = schema.json()["paths"][URL]["post"]
    assert operation["summary"] == "Preview Markdown"
    ref = operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    component = schema.json()["components"]["schemas"][ref.rsplit("/", 1)[1]]
    assert sorted(component["properties"]) == ["html", "warnings"]
    assert component["properties"]["warnings"]["type"] == "array"
