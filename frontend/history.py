"""Submission history pages: the signed-in user's own submissions and one submission's results."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from challenges.grading import Verdict
from challenges.kinds import kind_for
from submissions.api.serializers import SubmissionOutput
from submissions.models import Submission
from submissions.queries import submission_get_for_user, submission_list_for_user
from submissions.review_feedback import review_feedback

PER_PAGE = 25
CASE_STATUS_LABELS = {
    "passed": "Passed",
    "not_run": "Not run",
    "reviewed": "Reviewed",
    "withheld": "Not shown",
    **dict(Verdict.choices),
}


def time_label(time_ms: object) -> str:
    """A case's measured time ("< 1 ms" under a millisecond); empty when it wasn't measured."""
    if isinstance(time_ms, bool) or not isinstance(time_ms, int | float) or time_ms < 0:
        return ""
    return "< 1 ms" if time_ms < 1 else f"{round(time_ms)} ms"


def cases_passed(results: list[dict[str, Any]]) -> tuple[int, int]:
    return sum(1 for row in results if row.get("passed")), len(results)


@login_required
def history(request: HttpRequest) -> HttpResponse:
    challenge_slug = request.GET.get("challenge", "")
    submissions = submission_list_for_user(user=request.user, challenge_slug=challenge_slug).defer(
        "code", "stdout", "stderr", "custom_input"
    )
    page = Paginator(submissions, PER_PAGE).get_page(request.GET.get("page"))
    for submission in page:
        submission.passed_count, submission.case_count = cases_passed(submission.results)
    # The filtered challenge's title comes from its rows; a slug with none is shown as given.
    challenge_title = page[0].version.challenge.title if challenge_slug and page else ""
    return render(
        request,
        "frontend/history.html",
        {
            "page": page,
            "challenge_slug": challenge_slug,
            "challenge_title": challenge_title or challenge_slug,
        },
    )


@login_required
def submission_detail(request: HttpRequest, submission_id: int) -> HttpResponse:
    try:
        submission = submission_get_for_user(user=request.user, submission_id=submission_id)
    except Submission.DoesNotExist:
        raise Http404("No such submission.") from None
    challenge = submission.version.challenge
    # The API's representation: hidden cases were redacted when graded, and whatever the API
    # withholds the page withholds too.
    data = SubmissionOutput(submission).data
    config = submission.version.config if isinstance(submission.version.config, dict) else {}
    kind = kind_for(challenge.kind)
    results = [
        {
            **row,
            "status_label": CASE_STATUS_LABELS.get(row["status"], row["status"]),
            "time_label": time_label(row.get("time_ms")),
            "shown_input": kind.shown_input(config, row),
            "shown_input_label": kind.shown_input_label(row),
            # Only visible cases are shown this way: a hidden row has no expected/actual.
            "steps": (
                steps := kind.result_steps(row) if row.get("visibility") == "example" else []
            ),
            # Several steps, or one with a heading, read as a numbered list.
            "steps_listed": len(steps) > 1 or any(step["heading"] for step in steps),
        }
        for row in data["results"]
    ]
    passed, total = cases_passed(results)
    withheld = sum(1 for row in results if row["status"] == "withheld")
    # Kinds answered with code show the code and its timing; the others (design) their answers
    # in words.
    without_code = not kind.runs_code
    return render(
        request,
        "frontend/submission.html",
        {
            "submission": submission,
            "challenge": challenge,
            "status_label": submission.outcome_label,
            "memory_mb": round((submission.peak_memory_kb or 0) / 1024, 1),
            "results": results,
            "passed_count": passed,
            "case_count": total,
            "withheld_count": withheld,
            "without_code": without_code,
            "answers": kind.answer_lines(submission.version, submission.answers),
            "review": review_feedback(submission),
        },
    )
