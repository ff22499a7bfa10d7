"""Submits per user per challenge per hour are capped (each submit probes the hidden cases):
beyond the budget, 429 with Retry-After until the oldest submit in the hour leaves it."""

from datetime import timedelta

import pytest
from django.utils import timezone

from submissions.models import Submission
from tests.factories import UserFactory
from tests.submissions.test_progress import make_challenge


def post(client, mode="submit", challenge="order-total"):
    return client.post(
        "/api/submissions/",
        {"challenge": challenge, "mode": mode, "code": "x = 1"},
        format="json",
    )


@pytest.fixture
def queued_only(django_capture_on_commit_callbacks):
    """Nothing is graded: only the budget at the door is under test."""
    with django_capture_on_commit_callbacks(execute=False):
        yield


@pytest.fixture
def roomy_queue(settings):
    settings.SUBMISSIONS = {**settings.SUBMISSIONS, "MAX_IN_FLIGHT_PER_USER": 100}


@pytest.mark.usefixtures("queued_only", "roomy_queue")
def test_the_thirteenth_submit_in_an_hour_is_refused_with_retry_after(api_client, order_total):
    assert [post(api_client).status_code for _ in range(12)] == [201] * 12
    refused = post(api_client)
    assert refused.status_code == 429
    assert 3590 <= int(refused["Retry-After"]) <= 3600
    assert refused.json() == {
        "detail": "You have submitted this challenge 12 times in the last hour (the limit is 12); "
        "you can submit again in 60 min. Runs on the examples are not limited."
    }
    assert Submission.objects.filter(mode="submit").count() == 12
    # Runs (visible cases only) are not counted.
    assert post(api_client, mode="run").status_code == 201


@pytest.mark.usefixtures("queued_only", "roomy_queue")
def test_the_budget_frees_up_as_the_oldest_submit_leaves_the_hour(
    api_client, order_total, settings
):
    settings.SUBMISSIONS = {**settings.SUBMISSIONS, "SUBMITS_PER_CHALLENGE_PER_HOUR": 2}
    first, _ = (post(api_client).json()["id"] for _ in range(2))
    Submission.objects.filter(pk=first).update(created_at=timezone.now() - timedelta(seconds=3500))
    refused = post(api_client)
    assert refused.status_code == 429
    assert 99 <= int(refused["Retry-After"]) <= 101
    assert "you can submit again in 2 min" in refused.json()["detail"]
    Submission.objects.filter(pk=first).update(created_at=timezone.now() - timedelta(seconds=3601))
    assert post(api_client).status_code == 201


@pytest.mark.usefixtures("queued_only", "roomy_queue")
def test_the_budget_is_per_user_and_per_challenge_and_our_failures_do_not_count(
    api_client, order_total, settings
):
    settings.SUBMISSIONS = {**settings.SUBMISSIONS, "SUBMITS_PER_CHALLENGE_PER_HOUR": 1}
    assert post(api_client).status_code == 201
    assert post(api_client).status_code == 429
    make_challenge("other-one", title="Another challenge")
    assert post(api_client, challenge="other-one").status_code == 201
    other = api_client.__class__()
    other.force_authenticate(UserFactory(username="other"))
    assert post(other).status_code == 201
    # A submission that ended as internal_error "does not count against you".
    Submission.objects.filter(user__username="cand").update(
        status="error", verdict="internal_error"
    )
    assert post(api_client).status_code == 201


@pytest.mark.usefixtures("queued_only", "roomy_queue")
def test_zero_turns_the_budget_off(api_client, order_total, settings):
    settings.SUBMISSIONS = {**settings.SUBMISSIONS, "SUBMITS_PER_CHALLENGE_PER_HOUR": 0}
    assert [post(api_client).status_code for _ in range(15)] == [201] * 15
