"""A reviewer can't score their own free-text answers: not through the queue, not at all."""

from __future__ import annotations

from pathlib import Path

import pytest
from rest_framework.test import APIClient

from challenges.packages import read_package
from challenges.services import challenge_import_package
from submissions.creation import submission_create
from submissions.models import Review
from submissions.reviews import ReviewRejected, submission_review
from tests.factories import UserFactory

PACKAGE = Path(__file__).parent.parent / "challenges" / "packages" / "cache-sizing"
ANSWERS = {"hot-set": 400, "eviction": 1, "invalidation": [1, 2], "layers": [1, 2, 0],
           "stampede": "Coalesce misses behind a lock."}  # fmt: skip


def client_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def reviewers(db):
    return UserFactory(username="rita", is_staff=True), UserFactory(username="sam", is_staff=True)


@pytest.fixture
def own_answer(reviewers, settings, django_capture_on_commit_callbacks):
    """Rita, a staff reviewer, answered a catalogue design question herself."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    challenge = challenge_import_package(package=read_package(PACKAGE)).challenge
    with django_capture_on_commit_callbacks(execute=True):
        submission = submission_create(
            user=reviewers[0], challenge=challenge, mode="submit", answers=ANSWERS
        )
    submission.refresh_from_db()
    assert submission.verdict == "pending_review"
    return submission


def test_the_queue_leaves_out_your_own_submissions(own_answer, reviewers):
    rita, sam = reviewers
    assert client_for(rita).get("/api/reviews/").json()["count"] == 0
    queue = client_for(sam).get("/api/reviews/").json()
    assert [item["id"] for item in queue["results"]] == [own_answer.pk]


def test_scoring_your_own_submission_is_refused(own_answer, reviewers):
    rita, sam = reviewers
    response = client_for(rita).post(
        f"/api/reviews/{own_answer.pk}/", {"scores": {"stampede": [2, 1]}}, format="json"
    )
    assert response.status_code == 404
    own_answer.refresh_from_db()
    assert own_answer.verdict == "pending_review"
    assert not Review.objects.filter(submission=own_answer).exists()
    # Another reviewer may.
    scored = client_for(sam).post(
        f"/api/reviews/{own_answer.pk}/", {"scores": {"stampede": [2, 1]}}, format="json"
    )
    assert scored.status_code == 200
    assert scored.json()["verdict"] == "accepted"


def test_the_service_refuses_it_whoever_calls_it(own_answer, reviewers):
    with pytest.raises(ReviewRejected, match=r"^you can't review your own submission$"):
        submission_review(submission=own_answer, reviewer=reviewers[0], scores={"stampede": [2, 1]})
    own_answer.refresh_from_db()
    assert own_answer.verdict == "pending_review"
