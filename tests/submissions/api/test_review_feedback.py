"""The review API is blind, filterable, and the candidate's submission carries its review."""

from __future__ import annotations

import json

import pytest
from rest_framework.test import APIClient

from organisations.models import Membership, Organisation
from tests.factories import UserFactory
from tests.submissions.reviewing import design_challenge, pending_answer


def client_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def people(db):
    return {
        "candidate": UserFactory(
            username="cand-ada", display_name="Ada Lovelace", email="ada@example.org"
        ),
        "staff": UserFactory(username="rita", display_name="Rita Reviewer", is_staff=True),
        "stranger": UserFactory(username="bob"),
    }


@pytest.fixture
def pending(people):
    return pending_answer(people["candidate"], design_challenge())


def test_the_queue_names_no_candidate(people, pending):
    response = client_for(people["staff"]).get("/api/reviews/")
    assert response.status_code == 200
    body = response.json()
    assert [(item["id"], item["organisation"]) for item in body["results"]] == [
        (pending.pk, "catalogue")
    ]
    assert set(body["results"][0]) == {
        "id",
        "challenge",
        "organisation",
        "version",
        "created_at",
        "questions",
    }
    text = json.dumps(body)
    for value in ("cand-ada", "Ada Lovelace", "ada@example.org"):
        assert value not in text


def test_the_queue_filters_like_the_page(people, pending):
    staff = client_for(people["staff"])
    assert staff.get("/api/reviews/?challenge=cache-design").json()["count"] == 1
    assert staff.get("/api/reviews/?challenge=other").json()["count"] == 0
    assert staff.get("/api/reviews/?organisation=catalogue").json()["count"] == 1
    assert staff.get("/api/reviews/?older_than=2").json()["count"] == 0
    bad = staff.get("/api/reviews/?older_than=x&order=up")
    assert bad.status_code == 400
    assert bad.json() == {
        "filters": [
            "“Older than” is a whole number of days (0 to 3650).",
            "Order is “oldest” or “newest”.",
        ]
    }


def test_the_candidate_reads_the_review_in_their_submission(people, pending):
    candidate = client_for(people["candidate"])
    assert candidate.get(f"/api/submissions/{pending.pk}/").json()["review"] is None
    scored = client_for(people["staff"]).post(
        f"/api/reviews/{pending.pk}/",
        {"scores": {"stampede": [1, 1]}, "comment": "Name the lock."},
        format="json",
    )
    assert scored.status_code == 200
    body = candidate.get(f"/api/submissions/{pending.pk}/").json()
    review = body["review"]
    assert review.pop("reviewed_at")
    assert review == {
        "comment": "Name the lock.",
        "questions": [
            {
                "name": "stampede",
                "prompt": "How do you avoid a cache stampede?",
                "earned": 2,
                "points": 3,
                "criteria": [
                    {"criterion": "request coalescing or locking", "points": 2, "score": 1},
                    {"criterion": "early refresh or jittered TTLs", "points": 1, "score": 1},
                ],
            }
        ],
    }
    assert "rita" not in json.dumps(body).lower()


def test_nobody_else_reads_it(people, pending):
    client_for(people["staff"]).post(
        f"/api/reviews/{pending.pk}/", {"scores": {"stampede": [2, 1]}}, format="json"
    )
    for who in ("stranger", "staff"):
        assert client_for(people[who]).get(f"/api/submissions/{pending.pk}/").status_code == 404
    listed = client_for(people["stranger"]).get("/api/submissions/").json()
    assert listed["count"] == 0


def test_an_organisation_reviewer_scores_only_their_organisation(people, db):
    acme = Organisation.objects.create(slug="acme", name="Acme")
    reviewer = UserFactory(username="acme-rev", role="employer")
    Membership.objects.create(organisation=acme, user=reviewer, role="reviewer")
    mine = pending_answer(people["candidate"], design_challenge("acme_q", organisation=acme))
    public = pending_answer(people["candidate"], design_challenge())
    client = client_for(reviewer)
    assert [item["id"] for item in client.get("/api/reviews/").json()["results"]] == [mine.pk]
    refused = client.post(
        f"/api/reviews/{public.pk}/", {"scores": {"stampede": [2, 1]}}, format="json"
    )
    assert refused.status_code == 404
    accepted = client.post(
        f"/api/reviews/{mine.pk}/", {"scores": {"stampede": [2, 1]}}, format="json"
    )
    assert (accepted.status_code, accepted.json()["verdict"]) == (200, "wrong_answer")
