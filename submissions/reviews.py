"""Reviewing a submission: a reviewer scores its free-text answers against their rubrics."""

from __future__ import annotations

from django.db import transaction

from accounts.models import User
from challenges.grading import Verdict
from submissions.grading import submission_mark_passed
from submissions.models import Review, Submission
from submissions.queueing import submission_graded_on_commit

MAX_COMMENT_CHARS = 5_000


class ReviewRejected(ValueError):
    """The scores don't fit the rubric, or the submission is not waiting for review."""


@transaction.atomic
def submission_review(
    *, submission: Submission, reviewer: User, scores: dict, comment: str = ""
) -> Submission:
    """Score the free-text answers with their rubrics and settle the final score and verdict."""
    if not isinstance(comment, str) or len(comment) > MAX_COMMENT_CHARS:
        raise ReviewRejected(f"a comment is text of at most {MAX_COMMENT_CHARS} characters")
    if submission.user_id == reviewer.pk:
        raise ReviewRejected("you can't review your own submission")
    if submission.verdict != Verdict.PENDING_REVIEW:
        raise ReviewRejected("this submission is not waiting for review")
    questions = {
        case.name: case
        for case in submission.version.cases.all()
        if case.input.get("type") == "text"
    }
    if set(scores) != set(questions):
        raise ReviewRejected(f"score exactly these questions: {sorted(questions)}")
    earned_text = {}
    for name, points in scores.items():
        rubric = questions[name].input["rubric"]
        if not isinstance(points, list) or len(points) != len(rubric):
            raise ReviewRejected(f"{name}: give one score per rubric criterion ({len(rubric)})")
        for given, criterion in zip(points, rubric, strict=True):
            if not isinstance(given, int) or isinstance(given, bool):
                raise ReviewRejected(f"{name}: scores are whole numbers")
            if not 0 <= given <= int(criterion["points"]):
                raise ReviewRejected(
                    f"{name}: {criterion['criterion']!r} is worth 0 to {criterion['points']}"
                )
        earned_text[name] = sum(points)
    rows = []
    for row in submission.results:
        if row["name"] in earned_text:
            row = {
                **row,
                "status": "reviewed",
                "earned": earned_text[row["name"]],
                "passed": earned_text[row["name"]] == row["points"],
            }
        rows.append(row)
    total = sum(row["points"] for row in rows)
    earned = sum(row["earned"] or 0 for row in rows)
    score = round(earned / total, 4) if total else 0.0
    verdict = Verdict.ACCEPTED if earned == total else Verdict.WRONG_ANSWER
    settled = Submission.objects.filter(pk=submission.pk, verdict=Verdict.PENDING_REVIEW).update(
        verdict=verdict, score=score, results=rows, message="Reviewed."
    )
    if not settled:
        raise ReviewRejected("this submission was reviewed meanwhile")
    Review.objects.create(submission=submission, reviewer=reviewer, scores=scores, comment=comment)
    submission_mark_passed(submission_id=submission.pk)  # the final score decides the pass
    submission_graded_on_commit(submission_id=submission.pk)
    submission.refresh_from_db()
    return submission
