"""The migration that added Submission.passed backfills it: accepted submits, and design
submits whose points reach the pass mark (not every finished design submit)."""

import importlib

from django.apps import apps

from submissions.models import Submission
from tests.submissions.test_progress import make_challenge

backfill = importlib.import_module("submissions.migrations.0004_submission_passed").backfill


def row(name, points, earned, status="passed", kind="single"):
    return {"name": name, "type": kind, "points": points, "earned": earned, "status": status}


def test_backfill_marks_what_passed(candidate):
    code = make_challenge("code", title="Code")
    design = make_challenge("design", title="Design", kind="design")

    def old(challenge, **fields):
        return Submission.objects.create(
            user=candidate, version=challenge.current_version, status="done", **fields
        )

    accepted = old(code, mode="submit", verdict="accepted", score=1.0)
    accepted_run = old(code, mode="run", verdict="accepted", score=1.0)
    wrong = old(code, mode="submit", verdict="wrong_answer", score=0.9)
    empty_design = old(
        design,
        mode="submit",
        verdict="wrong_answer",
        score=0.0,
        results=[row("a", 2, 0, "wrong_answer"), row("b", 1, 0, "wrong_answer")],
    )
    # 3 of 4 auto-graded points, the free text still waiting: passes.
    pending_at_mark = old(
        design,
        mode="submit",
        verdict="pending_review",
        score=0.5,
        results=[
            row("a", 3, 3),
            row("b", 1, 0, "wrong_answer"),
            row("t", 2, None, "pending_review", "text"),
        ],
    )
    # Reviewed: 4 of 8 in all.
    reviewed_below = old(
        design,
        mode="submit",
        verdict="wrong_answer",
        score=0.5,
        results=[row("a", 4, 4), row("t", 4, 0, "reviewed", "text")],
    )
    odd = old(design, mode="submit", verdict="wrong_answer", score=0.0, results={"not": "rows"})

    backfill(apps, None)

    passed = set(Submission.objects.filter(passed=True).values_list("pk", flat=True))
    assert passed == {accepted.pk, pending_at_mark.pk}
    assert {accepted_run.pk, wrong.pk, empty_design.pk, reviewed_below.pk, odd.pk}.isdisjoint(
        passed
    )
