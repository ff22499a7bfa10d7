"""What a candidate sees of the review of their submission: scores per criterion and the comment.

The reviewer's identity is never part of it: reviews are given blind and read anonymously.
"""

from __future__ import annotations

from typing import Any

from challenges.queries import version_questions
from submissions.models import Review, Submission


def _whole(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def review_feedback(submission: Submission) -> dict[str, Any] | None:
    """The review of `submission` per free-text question, or None while it has none."""
    try:
        review = submission.review
    except Review.DoesNotExist:
        return None
    scores = review.scores if isinstance(review.scores, dict) else {}
    questions = []
    for case in version_questions(version_id=submission.version_id):
        question = case.input if isinstance(case.input, dict) else {}
        if question.get("type") != "text":
            continue
        given = scores.get(case.name)
        given = given if isinstance(given, list) else []
        rubric = question.get("rubric") if isinstance(question.get("rubric"), list) else []
        criteria = [
            {
                "criterion": str(item.get("criterion", "")) if isinstance(item, dict) else "",
                "points": _whole(item.get("points")) if isinstance(item, dict) else None,
                "score": _whole(given[index]) if index < len(given) else None,
            }
            for index, item in enumerate(rubric)
        ]
        questions.append(
            {
                "name": case.name,
                "prompt": str(question.get("prompt", case.name)),
                "earned": sum(item["score"] or 0 for item in criteria),
                "points": case.weight,
                "criteria": criteria,
            }
        )
    return {"comment": review.comment, "reviewed_at": review.created_at, "questions": questions}
