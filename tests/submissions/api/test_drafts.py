"""GET/PUT/DELETE /api/challenges/<slug>/draft/: a candidate's draft, kept on the server."""

import datetime

import pytest
from django.test import override_settings
from freezegun import freeze_time
from rest_framework.test import APIClient

from organisations.models import Organisation
from submissions.models import Draft
from tests.factories import UserFactory, published_challenge

pytestmark = pytest.mark.django_db
URL = "/api/challenges/{}/draft/"
NOON = datetime.datetime(2026, 11, 29, 12, tzinfo=datetime.UTC)


@pytest.fixture
def challenge():
    return published_challenge("order-total")


def test_a_saved_draft_comes_back_on_any_device(api_client, candidate, challenge):
    with freeze_time(NOON):
        saved = api_client.put(
            URL.format("order-total"), {"text": "def f():\n    return 1\n"}, format="json"
        )
    other_device = APIClient()
    other_device.force_authenticate(candidate)

    fetched = other_device.get(URL.format("order-total"))

    expected = {
        "challenge": "order-total",
        "text": "def f():\n    return 1\n",
        "updated_at": "2026-11-29T12:00:00Z",
    }
    assert (saved.status_code, saved.json()) == (200, expected)
    assert (fetched.status_code, fetched.json()) == (200, expected)


def test_saving_again_replaces_the_draft(api_client, candidate, challenge):
    api_client.put(URL.format("order-total"), {"text": "first"}, format="json")
    api_client.put(URL.format("order-total"), {"text": "  second  "}, format="json")

    assert list(Draft.objects.values_list("user_id", "text")) == [(candidate.pk, "  second  ")]


def test_no_draft_yet_is_a_404_and_deleting_goes_back_to_none(api_client, challenge):
    assert api_client.get(URL.format("order-total")).status_code == 404
    api_client.put(URL.format("order-total"), {"text": "x"}, format="json")

    assert api_client.delete(URL.format("order-total")).status_code == 204
    assert api_client.get(URL.format("order-total")).json() == {"detail": "No draft saved yet."}
    assert api_client.delete(URL.format("order-total")).json() == {"detail": "No draft was saved."}


def test_an_empty_draft_is_kept(api_client, challenge):
    response = api_client.put(URL.format("order-total"), {"text": ""}, format="json")
    assert (response.status_code, response.json()["text"]) == (200, "")


@override_settings(RUNNER={"MAX_SOURCE_BYTES": 10})
def test_a_draft_larger_than_a_submit_is_refused_and_the_old_one_kept(api_client, challenge):
    api_client.put(URL.format("order-total"), {"text": "short"}, format="json")

    response = api_client.put(URL.format("order-total"), {"text": "é" * 6}, format="json")

    assert (response.status_code, response.json()) == (
        400,
        {"text": ["A draft is limited to 10 bytes, like a submit."]},
    )
    assert Draft.objects.get().text == "short"


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ({}, {"text": ["This field is required."]}),
        ({"text": None}, {"text": ["This field may not be null."]}),
        ({"text": ["a"]}, {"text": ["Not a valid string."]}),
        ({"text": "a\x00b"}, {"text": ["Null characters are not allowed."]}),
    ],
)
def test_what_is_not_text_is_refused_clearly(api_client, challenge, body, problem):
    response = api_client.put(URL.format("order-total"), body, format="json")
    assert (response.status_code, response.json()) == (400, problem)
    assert not Draft.objects.exists()


def test_drafts_are_private_to_each_candidate(api_client, challenge):
    api_client.put(URL.format("order-total"), {"text": "mine"}, format="json")
    someone = APIClient()
    someone.force_authenticate(UserFactory(username="someone"))

    assert someone.get(URL.format("order-total")).status_code == 404
    someone.put(URL.format("order-total"), {"text": "theirs"}, format="json")
    assert api_client.get(URL.format("order-total")).json()["text"] == "mine"


def test_anonymous_is_refused(challenge):
    assert (
        APIClient().put(URL.format("order-total"), {"text": "x"}, format="json").status_code == 403
    )
    assert not Draft.objects.exists()


def test_a_challenge_the_candidate_cannot_see_has_no_draft(api_client):
    private = published_challenge(
        "acme_secret", organisation=Organisation.objects.create(slug="acme", name="Acme")
    )
    unpublished = published_challenge("unpublished")
    unpublished.is_published = False
    unpublished.save(update_fields=["is_published"])

    for slug in (private.slug, unpublished.slug, "no-such-challenge"):
        response = api_client.put(URL.format(slug), {"text": "x"}, format="json")
        assert response.status_code == 404, slug
    assert not Draft.objects.exists()
