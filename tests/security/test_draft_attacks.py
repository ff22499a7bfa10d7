"""Drafts under a flood: writes are rate limited per user, storage stays one row per challenge."""

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from submissions.models import Draft
from tests.factories import UserFactory, published_challenge

pytestmark = pytest.mark.django_db
URL = "/api/challenges/order-total/draft/"


@pytest.fixture(autouse=True)
def _low_rate(settings):
    cache.clear()
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {
            **settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"],
            "draft_save": "3/min",
        },
    }
    yield
    cache.clear()


@pytest.fixture
def challenge():
    return published_challenge("order-total")


def client_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_saving_in_a_loop_is_throttled_and_keeps_the_last_accepted_draft(challenge):
    attacker = UserFactory()
    client = client_for(attacker)

    statuses = [client.put(URL, {"text": f"v{n}"}, format="json").status_code for n in range(5)]

    assert statuses == [200, 200, 200, 429, 429]
    limited = client.put(URL, {"text": "v5"}, format="json")
    assert limited.status_code == 429
    assert 0 < int(limited["Retry-After"]) <= 60
    # Many saves never grow storage: one row per (user, challenge), the last accepted text.
    assert list(Draft.objects.filter(user=attacker).values_list("text", flat=True)) == ["v2"]


def test_forgetting_shares_the_write_budget(challenge):
    client = client_for(UserFactory())
    assert client.put(URL, {"text": "a"}, format="json").status_code == 200
    assert client.delete(URL).status_code == 204
    assert client.put(URL, {"text": "b"}, format="json").status_code == 200
    assert client.delete(URL).status_code == 429
    assert Draft.objects.get().text == "b"


def test_reading_is_not_limited_and_one_users_flood_spares_another(challenge):
    attacker, bystander = UserFactory(), UserFactory()
    flooding = client_for(attacker)
    for n in range(4):
        flooding.put(URL, {"text": f"flood {n}"}, format="json")

    assert [flooding.get(URL).status_code for _ in range(6)] == [200] * 6
    saved = client_for(bystander).put(URL, {"text": "mine"}, format="json")
    assert saved.status_code == 200
    assert Draft.objects.get(user=bystander).text == "mine"
