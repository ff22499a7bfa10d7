"""Attack: a design question marked `example` so its answer key is published with the examples.
Packages refuse it, and the challenge API and page never list a design question as an example,
whatever the stored data says."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from challenges.models import Challenge, TestCase
from challenges.packages import read_package
from challenges.services import challenge_import_package
from organisations.models import Membership, Organisation
from tests.conftest import CATALOGUE
from tests.factories import UserFactory

DESIGN = CATALOGUE / "catalogue-cache-design"


def test_a_design_package_with_an_example_question_is_refused(db):
    acme = Organisation.objects.create(slug="acme", name="Acme")
    user = UserFactory(username="acme-author", role="employer")
    Membership.objects.create(organisation=acme, user=user, role="author")
    client = APIClient()
    client.force_authenticate(user)
    content = read_package(DESIGN).content()
    content["slug"] = "acme_cache-design"
    content["cases"][0]["visibility"] = "example"
    response = client.post(
        "/api/authoring/challenges/", {"organisation": "acme", "package": content}, format="json"
    )
    assert response.status_code == 400
    assert response.json() == {
        "package": [
            "cases.json: case 1: a design question can't be an example: "
            "its answer key would be shown"
        ]
    }
    assert not Challenge.objects.exists()


@pytest.fixture
def leaky_design(db):
    """A design challenge stored before the rule, with an example question."""
    challenge = challenge_import_package(package=read_package(DESIGN)).challenge
    TestCase.objects.filter(version=challenge.current_version, ordinal=1).update(
        visibility="example", expected=987654321
    )
    return challenge


def test_the_api_and_page_never_show_a_design_key(leaky_design, client):
    candidate = UserFactory(username="cand")
    api = APIClient()
    api.force_authenticate(candidate)
    response = api.get(f"/api/challenges/{leaky_design.slug}/")
    assert response.status_code == 200
    body = response.json()
    assert body["examples"] == []
    assert len(body["questions"]) == leaky_design.current_version.cases.count()
    assert "987654321" not in response.content.decode()
    client.force_login(candidate)
    page = client.get(f"/challenges/{leaky_design.slug}/")
    assert page.status_code == 200
    assert list(page.context["examples"]) == []
    assert "987654321" not in page.content.decode()
