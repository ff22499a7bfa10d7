"""The review room: a reviewer's queue and the page that scores one submission's free text.

Blind by design: nothing here reads or shows who wrote the answers.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from challenges.kinds.design import answer_text
from submissions.models import Submission
from submissions.review_queue import (
    CATALOGUE,
    QueueFilters,
    queue_filters_from,
    review_next_after,
    review_queue,
    review_queue_facets,
    review_settled,
    reviewable,
)
from submissions.reviews import MAX_COMMENT_CHARS, ReviewRejected, submission_review

PER_PAGE = 25
SCORE = re.compile(r"[0-9]{1,4}")  # ASCII digits only: int() reads other scripts too
OUTCOME_LABELS = {"passed": "Right", "wrong_answer": "Wrong", "pending_review": "To score"}


def _with_filters(url: str, filters: QueueFilters) -> str:
    params = filters.as_params()
    return f"{url}?{urlencode(params)}" if params else url


@login_required
def review_queue_page(request: HttpRequest) -> HttpResponse:
    filters, problems = queue_filters_from(request.GET)
    queue = review_queue(user=request.user, filters=filters)
    page = Paginator(queue, PER_PAGE).get_page(request.GET.get("page"))
    items = [
        {
            "submission": submission,
            "challenge": submission.version.challenge,
            "to_score": sum(1 for case in submission.version.cases.all() if _is_text(case)),
            "url": _with_filters(reverse("frontend:review", args=[submission.pk]), filters),
        }
        for submission in page
    ]
    return render(
        request,
        "frontend/reviews/queue.html",
        {
            "page": page,
            "items": items,
            "facets": review_queue_facets(user=request.user),
            "filters": filters,
            "filter_query": urlencode(filters.as_params()),
            "problems": problems,
            "catalogue": CATALOGUE,
            "start_url": items[0]["url"] if items and page.number == 1 else "",
        },
    )


def _is_text(case) -> bool:
    return isinstance(case.input, dict) and case.input.get("type") == "text"


def _questions(submission: Submission, given: dict[str, list[int | None]]) -> list[dict]:
    """Each question of the submission: free text with its rubric, the rest with its outcome."""
    answers = submission.answers if isinstance(submission.answers, dict) else {}
    rows = {row.get("name"): row for row in submission.results or [] if isinstance(row, dict)}
    questions = []
    for case in sorted(submission.version.cases.all(), key=lambda case: case.ordinal):
        question = case.input if isinstance(case.input, dict) else {}
        row = rows.get(case.name, {})
        item: dict[str, Any] = {
            "name": case.name,
            "prompt": question.get("prompt", case.name),
            "points": case.weight,
            "text": _is_text(case),
        }
        if item["text"]:
            scores = given.get(case.name, [])
            item["answer"] = answers.get(case.name) or ""
            item["model_answer"] = case.expected
            item["criteria"] = [
                {
                    "index": index,
                    "criterion": criterion.get("criterion", ""),
                    "points": int(criterion.get("points", 0)),
                    "choices": range(int(criterion.get("points", 0)) + 1),
                    "given": scores[index] if index < len(scores) else None,
                }
                for index, criterion in enumerate(question.get("rubric", []))
            ]
        else:
            item["answer"] = answer_text(question, answers.get(case.name))
            item["earned"] = row.get("earned")
            item["outcome"] = OUTCOME_LABELS.get(row.get("status"), row.get("status", ""))
            item["passed"] = bool(row.get("passed"))
        questions.append(item)
    return questions


def _read_scores(submission: Submission, data) -> tuple[dict[str, list[int | None]], list[str]]:
    """The posted radio values per free-text question, and which criteria were left unscored."""
    scores: dict[str, list[int | None]] = {}
    missing = []
    for case in sorted(submission.version.cases.all(), key=lambda case: case.ordinal):
        if not _is_text(case):
            continue
        row: list[int | None] = []
        for index, criterion in enumerate(case.input.get("rubric", [])):
            raw = data.get(f"score-{case.name}-{index}", "")
            value = int(raw) if isinstance(raw, str) and SCORE.fullmatch(raw) else None
            if value is None:
                missing.append(f"{case.input.get('prompt', case.name)}: {criterion['criterion']}")
            row.append(value)
        scores[case.name] = row
    return scores, missing


@login_required
def review_page(request: HttpRequest, submission_id: int) -> HttpResponse:
    filters, _ = queue_filters_from(request.GET)
    queue_url = _with_filters(reverse("frontend:reviews"), filters)
    submission = reviewable(request.user).filter(pk=submission_id).first()
    if submission is None:
        if review_settled(user=request.user, submission_id=submission_id):
            # Another reviewer (or this one, in another tab) got there first.
            messages.info(request, f"Submission #{submission_id} has already been reviewed.")
            return redirect(queue_url)
        raise Http404("This submission isn't waiting for your review.")
    following = review_next_after(user=request.user, filters=filters, submission=submission)
    next_url = (
        _with_filters(reverse("frontend:review", args=[following.pk]), filters)
        if following
        else queue_url
    )
    given: dict[str, list[int | None]] = {}
    comment = ""
    errors: list[str] = []
    if request.method == "POST":
        given, missing = _read_scores(submission, request.POST)
        comment = request.POST.get("comment", "")
        if missing:
            errors.append("Score every criterion: " + "; ".join(missing) + ".")
        if len(comment) > MAX_COMMENT_CHARS:
            errors.append(f"The comment is limited to {MAX_COMMENT_CHARS} characters.")
        if not errors:
            try:
                submission_review(
                    submission=submission,
                    reviewer=request.user,
                    scores=given,
                    comment=comment.strip(),
                )
            except ReviewRejected as exc:
                errors.append(f"Not saved: {exc}.")
            else:
                messages.success(request, f"Review of submission #{submission.pk} saved.")
                if following is None:
                    messages.info(request, "That was the last one in this queue.")
                return redirect(next_url)
    challenge = submission.version.challenge
    questions = _questions(submission, given)
    return render(
        request,
        "frontend/reviews/review.html",
        {
            "submission": submission,
            "challenge": challenge,
            "version": submission.version,
            "to_score": [question for question in questions if question["text"]],
            "auto": [question for question in questions if not question["text"]],
            "comment": comment,
            "errors": errors,
            "next_url": next_url,
            "queue_url": queue_url,
            "action_url": _with_filters(reverse("frontend:review", args=[submission.pk]), filters),
            "max_comment": MAX_COMMENT_CHARS,
        },
        status=400 if errors else 200,
    )
