"""Scaling and system-design challenges: questions graded from the answers alone.

Each case is a question: its input is what the candidate sees (type, prompt, options, unit,
tolerance, rubric), its expected value is the answer key (never shown), its weight the points.
Choices, estimates and orderings score at once; free text waits for a reviewer.
"""

from __future__ import annotations

import math
from typing import Any

from challenges.grading import Grade, Verdict
from challenges.models import ChallengeVersion, TestCase

QUESTION_TYPES = {"single", "multiple", "estimate", "ordering", "text"}


def question_problems(index: int, question: dict, answer: Any, points: int) -> list[str]:
    """What is wrong with one question of a package (empty when it is well formed)."""
    where = f"cases.json: question {index}"
    kind = question.get("type")
    problems = []
    if kind not in QUESTION_TYPES:
        return [f"{where}: type must be one of {sorted(QUESTION_TYPES)}"]
    if not isinstance(question.get("prompt"), str) or not question["prompt"].strip():
        problems.append(f"{where}: prompt is required")
    if kind in ("single", "multiple"):
        options = question.get("options")
        if not isinstance(options, list) or len(options) < 2:
            return [*problems, f"{where}: options must list at least 2 choices"]
        picks = [answer] if kind == "single" else answer
        if (
            not isinstance(picks, list)
            or not picks
            or not all(isinstance(p, int) and 0 <= p < len(options) for p in picks)
        ):
            problems.append(f"{where}: the answer must be option index(es) into options")
    elif kind == "estimate":
        tolerance = question.get("tolerance", {})
        if not isinstance(answer, (int, float)) or isinstance(answer, bool) or answer <= 0:
            problems.append(f"{where}: an estimate's answer must be a positive number")
        if tolerance.get("kind") not in ("relative", "order_of_magnitude") or not isinstance(
            tolerance.get("value"), (int, float)
        ):
            problems.append(
                f'{where}: tolerance is {{"kind": "relative"|"order_of_magnitude", '
                '"value": number}'
            )
        if not isinstance(question.get("unit"), str):
            problems.append(f"{where}: an estimate needs a unit")
    elif kind == "ordering":
        items = question.get("items")
        if not isinstance(items, list) or len(items) < 2:
            return [*problems, f"{where}: items must list at least 2 entries"]
        if sorted(answer) != list(range(len(items))) if isinstance(answer, list) else True:
            problems.append(f"{where}: the answer must be a permutation of item indexes")
    elif kind == "text":
        rubric = question.get("rubric")
        if not isinstance(rubric, list) or not rubric:
            problems.append(f"{where}: free text needs a rubric for the reviewer")
        elif sum(int(item.get("points", 0)) for item in rubric) != points:
            problems.append(f"{where}: the rubric's points must add up to the weight ({points})")
    return problems


def estimate_correct(answer: float, expected: float, tolerance: dict) -> bool:
    if not isinstance(answer, (int, float)) or isinstance(answer, bool) or answer <= 0:
        return False
    if tolerance["kind"] == "relative":
        return abs(answer - expected) <= tolerance["value"] * abs(expected)
    return abs(math.log10(answer) - math.log10(expected)) <= tolerance["value"]


def score_question(question: dict, expected: Any, answer: Any) -> bool | None:
    """True/False for auto-graded questions; None for free text (a reviewer decides)."""
    kind = question["type"]
    if kind == "text":
        return None
    if answer is None:
        return False
    if kind == "single":
        return answer == expected
    if kind == "multiple":
        return isinstance(answer, list) and sorted(set(answer)) == sorted(expected)
    if kind == "estimate":
        return estimate_correct(answer, expected, question["tolerance"])
    if kind == "ordering":
        return answer == expected
    raise ValueError(f"unknown question type {kind!r}")


def answers_problems(cases: list[TestCase], answers: Any) -> list[str]:
    """Shape errors in submitted answers, keyed by question name (for a 400 response)."""
    if not isinstance(answers, dict):
        return ["answers must be an object keyed by question name"]
    names = {case.name for case in cases}
    return [f"unknown question {name!r}" for name in answers if name not in names]


def grade(*, version: ChallengeVersion, answers: dict | None, cases: list[TestCase]) -> Grade:
    answers = answers or {}
    rows: list[dict[str, Any]] = []
    earned = total = 0
    pending = False
    first_wrong = None
    for case in cases:
        question = case.input
        total += case.weight
        answer = answers.get(case.name)
        outcome = score_question(question, case.expected, answer)
        row: dict[str, Any] = {
            "ordinal": case.ordinal,
            "name": case.name,
            "visibility": case.visibility,
            "type": question["type"],
            "points": case.weight,
            "answer": answer,
        }
        if outcome is None:
            pending = True
            row.update(status="pending_review", passed=False, earned=None)
        else:
            row.update(
                status="passed" if outcome else Verdict.WRONG_ANSWER.value,
                passed=outcome,
                earned=case.weight if outcome else 0,
            )
            if outcome:
                earned += case.weight
            else:
                first_wrong = first_wrong or case.name
                row.update(category=case.category, hint=case.hint)
        rows.append(row)
    if pending:
        verdict, message = Verdict.PENDING_REVIEW, "Free-text answers wait for a reviewer."
    elif first_wrong:
        verdict, message = Verdict.WRONG_ANSWER, f"Wrong answer on {first_wrong}"
    else:
        verdict, message = Verdict.ACCEPTED, ""
    return Grade(
        verdict=verdict,
        score=round(earned / total, 4) if total else 0.0,
        cases=rows,
        message=message,
    )


def validate(version: ChallengeVersion) -> list[str]:
    """The answer key must score every auto-graded point; empty answers must score none."""
    cases = list(version.cases.order_by("ordinal"))
    problems = []
    for case in cases:
        problems += question_problems(case.ordinal, case.input, case.expected, case.weight)
    if problems:
        return problems
    key = {case.name: case.expected for case in cases if case.input["type"] != "text"}
    full = grade(version=version, answers=key, cases=cases)
    auto_total = sum(c.weight for c in cases if c.input["type"] != "text")
    total = sum(c.weight for c in cases)
    if total and round(full.score * total) != auto_total:
        problems.append("the answer key does not score every auto-graded point")
    if grade(version=version, answers={}, cases=cases).score != 0:
        problems.append("empty answers score points")
    return problems
