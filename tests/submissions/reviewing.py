"""Helpers of the review tests: design challenges with free text, and answers waiting for review."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from challenges.kinds.design import grade
from challenges.models import TestCase
from submissions.models import Submission
from tests.factories import published_challenge

QUESTIONS = [
    {
        "name": "hot-set",
        "weight": 2,
        "input": {
            "type": "estimate",
            "prompt": "How many MB to cache the hot 20%?",
            "unit": "MB",
            "tolerance": {"kind": "relative", "value": 0.25},
        },
        "expected": 400,
    },
    {
        "name": "eviction",
        "weight": 1,
        "input": {
            "type": "single",
            "prompt": "Which eviction policy fits?",
            "options": ["FIFO", "LRU", "Random"],
        },
        "expected": 1,
    },
    {
        "name": "stampede",
        "weight": 3,
        "input": {
            "type": "text",
            "prompt": "How do you avoid a cache stampede?",
            "rubric": [
                {"criterion": "request coalescing or locking", "points": 2},
                {"criterion": "early refresh or jittered TTLs", "points": 1},
            ],
        },
        "expected": "Coalesce misses behind one lock; refresh early.",
    },
]
ANSWERS = {"hot-set": 400, "eviction": 0, "stampede": "Coalesce misses behind a lock."}


def design_challenge(slug: str = "cache-design", *, title: str = "", organisation=None):
    """A published design challenge: an estimate, a choice and a free-text question."""
    challenge = published_challenge(
        slug, title=title or "Cache design", kind="design", organisation=organisation
    )
    for ordinal, question in enumerate(QUESTIONS):
        TestCase.objects.create(
            version=challenge.current_version,
            ordinal=ordinal,
            visibility="hidden",
            **question,
        )
    return challenge


def pending_answer(user, challenge, *, answers: dict | None = None, days_ago: float = 0):
    """`user`'s design submission as grading leaves it: free text waiting for a reviewer."""
    version = challenge.current_version
    answers = ANSWERS if answers is None else answers
    graded = grade(version=version, answers=answers, cases=list(version.cases.order_by("ordinal")))
    assert graded.verdict == "pending_review"
    submission = Submission.objects.create(
        user=user,
        version=version,
        mode="submit",
        status=Submission.Status.DONE,
        verdict=graded.verdict,
        score=graded.score,
        results=graded.cases,
        answers=answers,
        message="Free-text answers wait for a reviewer.",
    )
    when = timezone.now() - timedelta(days=days_ago)
    Submission.objects.filter(pk=submission.pk).update(created_at=when, finished_at=when)
    submission.refresh_from_db()
    return submission
