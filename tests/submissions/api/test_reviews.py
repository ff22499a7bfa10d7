"""The review queue: who sees what, scoring against the rubric, exactly once."""

from pathlib import Path

import pytest
from rest_framework.test import APIClient

from challenges.packages import read_package
from challenges.services import challenge_import_package
from organisations.models import Membership, Organisation
from submissions.creation import submission_create
from tests.factories import UserFactory

PACKAGE = Path(__file__).parent.parent.parent / "challenges" / "packages" / "cache-sizing"
ANSWERS = {"hot-set": 400, "eviction": 1, "invalidation": [1, 2], "layers": [1, 2, 0],
           "stampede": "Coalesce misses behind a lock."}  # fmt: skip


def client_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def pending(db, settings, candidate, django_capture_on_commit_callbacks):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    challenge = challenge_import_package(package=read_package(PACKAGE)).challenge
    with django_capture_on_commit_callbacks(execute=True):
        submission = submission_create(
            user=candidate, challenge=challenge, mode="submit", answers=ANSWERS
        )
    submission.refresh_from_db()
    assert submission.verdict == "pending_review"
    return submission


@pytest.fixture
def staff(db):
    return UserFactory(username="reviewer", is_staff=True)


def test_the_queue_shows_the_answer_rubric_and_model_answer(pending, staff):
    body = client_for(staff).get("/api/reviews/").json()
    assert body["count"] == 1
    item = body["results"][0]
    assert item["id"] == pending.pk
    assert item["questions"] == [
        {
            "name": "stampede",
            "prompt": "How do you avoid a cache stampede on a hot key?",
            "rubric": [
                {"criterion": "request coalescing or locking", "points": 2},
                {"criterion": "early refresh or jittered TTLs", "points": 1},
            ],
            "model_answer": "Coalesce misses behind one lock; refresh early with jittered TTLs.",
            "answer": "Coalesce misses behind a lock.",
        }
    ]


@pytest.mark.parametrize(
    ("who", "sees"),
    [("candidate", 0), ("employer_reviewer", 0), ("staff", 1)],
)
def test_only_reviewers_of_that_catalogue_see_it(pending, staff, who, sees):
    users = {
        "candidate": pending.user,
        "staff": staff,
        "employer_reviewer": UserFactory(username="er", role="employer"),
    }
    Membership.objects.create(
        organisation=Organisation.objects.create(slug="acme", name="Acme"),
        user=users["employer_reviewer"],
        role="reviewer",
    )
    assert client_for(users[who]).get("/api/reviews/").json()["count"] == sees


def test_scoring_settles_the_score_once(pending, staff):
    client = client_for(staff)
    response = client.post(
        f"/api/reviews/{pending.pk}/", {"scores": {"stampede": [2, 0]}}, format="json"
    )
    assert response.status_code == 200
    body = response.json()
    assert (body["verdict"], body["score"]) == ("wrong_answer", round(7 / 8, 4))
    stampede = next(row for row in body["results"] if row["name"] == "stampede")
    assert (stampede["status"], stampede["earned"]) == ("reviewed", 2)
    again = client.post(
        f"/api/reviews/{pending.pk}/", {"scores": {"stampede": [2, 1]}}, format="json"
    )
    assert again.status_code == 404  # no longer in the queue
    assert client.get("/api/reviews/").json()["count"] == 0


def test_full_marks_are_accepted(pending, staff):
    body = (
        client_for(staff)
        .post(f"/api/reviews/{pending.pk}/", {"scores": {"stampede": [2, 1]}}, format="json")
        .json()
    )
    assert (body["verdict"], body["score"]) == ("accepted", 1.0)


@pytest.mark.parametrize(
    ("scores", "message"),
    [
        ({"stampede": [3, 0]}, "stampede: 'request coalescing or locking' is worth 0 to 2"),
        ({"stampede": [2]}, "stampede: give one score per rubric criterion (2)"),
        ({}, "score exactly these questions: ['stampede']"),
    ],
)
def test_scores_must_fit_the_rubric(pending, staff, scores, message):
    response = client_for(staff).post(
        f"/api/reviews/{pending.pk}/", {"scores": scores}, format="json"
    )
    assert response.status_code == 400
    assert response.json() == {"scores": [message]}


@pytest.mark.parametrize(
    ("answers", "scores", "passed_when_graded", "passed_after_review"),
    [
        # 5 of 5 auto-graded points: passed at once; a review of 0/3 leaves 5/8 < 0.7.
        (ANSWERS, [0, 0], True, False),
        # 3 of 5 auto-graded points: not yet; full marks on the text make 6/8 >= 0.7.
        ({**ANSWERS, "eviction": 0, "layers": [0, 1, 2]}, [2, 1], False, True),
    ],
)
def test_after_a_review_the_final_score_decides_the_pass(
    db, settings, candidate, staff, django_capture_on_commit_callbacks,
    answers, scores, passed_when_graded, passed_after_review,
):  # fmt: skip
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    challenge = challenge_import_package(package=read_package(PACKAGE)).challenge
    with django_capture_on_commit_callbacks(execute=True):
        submission = submission_create(
            user=candidate, challenge=challenge, mode="submit", answers=answers
        )
    owner = client_for(candidate)
    assert owner.get(f"/api/submissions/{submission.pk}/").json()["passed"] is passed_when_graded
    reviewed = client_for(staff).post(
        f"/api/reviews/{submission.pk}/", {"scores": {"stampede": scores}}, format="json"
    )
    assert reviewed.status_code == 200
    assert reviewed.json()["passed"] is passed_after_review
    listing = owner.get("/api/challenges/").json()["results"]
    progress = next(item["progress"] for item in listing if item["slug"] == "cache-sizing")
    assert progress == ("solved" if passed_after_review else "attempted")
