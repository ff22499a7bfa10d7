"""Scaling and system-design challenges: questions graded from the answers alone.

Each case is a question: its input is what the candidate sees (type, prompt, options, unit,
tolerance, rubric), its expected value is the answer key (never shown), its weight the points.
Choices, estimates and orderings score at once; free text waits for a reviewer.

Answers are hostile: `answers_problems` refuses at the door anything that doesn't fit its
question's type, and grading is total anyway (an odd stored answer scores wrong, never raises).
"""

from __future__ import annotations

import json
import math
from collections.abc import Collection
from typing import Any

from challenges.grading import Grade, Verdict
from challenges.kinds.base import (
    CATEGORY_COLUMN,
    HINT_COLUMN,
    NAME_COLUMN,
    AnswerRejected,
    CaseColumn,
    Kind,
)
from challenges.models import ChallengeVersion, TestCase

QUESTION_TYPES = {"single", "multiple", "estimate", "ordering", "text"}
MAX_TEXT_ANSWER_CHARS = 10_000
MAX_ESTIMATE = 1e18
MAX_ANSWERS_BYTES = 64 * 1024
# Unknown question names are listed back (clipped), not all of a hostile object's keys.
MAX_UNKNOWN_LISTED = 10
# The share of the auto-graded points that passes (unlocks the editorial, counts as solved),
# unless the package's config says `pass_mark`.
DEFAULT_PASS_MARK = 0.7


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return _is_int(value) or isinstance(value, float)


def _finite_number(value: Any) -> bool:
    # An int stays an int: math.isfinite() of a 401-digit one overflows.
    return _is_int(value) or (isinstance(value, float) and math.isfinite(value))


def answer_problem(question: dict, answer: Any) -> str | None:
    """Why `answer` doesn't fit `question`'s type (None when it does)."""
    kind = question.get("type") if isinstance(question, dict) else None
    if kind in ("single", "multiple"):
        options = question.get("options")
        count = len(options) if isinstance(options, list) else 0
        if kind == "single":
            if not _is_int(answer) or not 0 <= answer < count:
                return f"pick one option: a whole number from 0 to {count - 1}"
            return None
        if (
            not isinstance(answer, list)
            or not all(_is_int(pick) and 0 <= pick < count for pick in answer)
            or len(set(answer)) != len(answer)
        ):
            return f"pick options: a list of distinct whole numbers from 0 to {count - 1}"
        return None
    if kind == "estimate":
        if not _finite_number(answer) or abs(answer) > MAX_ESTIMATE:
            return f"an estimate is a finite number between -{MAX_ESTIMATE:g} and {MAX_ESTIMATE:g}"
        return None
    if kind == "ordering":
        items = question.get("items")
        count = len(items) if isinstance(items, list) else 0
        if (
            not isinstance(answer, list)
            or len(answer) != count
            or not all(_is_int(index) for index in answer)
            or sorted(answer) != list(range(count))
        ):
            return f"an ordering lists each item index from 0 to {count - 1} once"
        return None
    if kind == "text":
        if not isinstance(answer, str):
            return "a free-text answer is a string"
        if len(answer) > MAX_TEXT_ANSWER_CHARS:
            return f"a free-text answer is at most {MAX_TEXT_ANSWER_CHARS} characters"
        return None
    return "this question can't be answered (its type is unknown)"


def _clip(name: str, limit: int = 80) -> str:
    return name if len(name) <= limit else name[:limit] + "…"


def answers_problems(cases: list[TestCase], answers: Any) -> list[str] | dict[str, list[str]]:
    """What is wrong with submitted answers: a list for the whole object, else per question.

    Empty when the answers are fine. A question left out (or null) is unanswered: it scores
    nothing, and isn't a problem.
    """
    if not isinstance(answers, dict):
        return ["answers must be an object keyed by question name"]
    questions = {case.name: case.input for case in cases}
    problems: dict[str, list[str]] = {}
    unknown = [name for name in answers if name not in questions]
    for name in unknown[:MAX_UNKNOWN_LISTED]:
        problems[_clip(str(name))] = ["unknown question: this challenge has no such question"]
    if len(unknown) > MAX_UNKNOWN_LISTED:
        return [f"{len(unknown)} unknown question names; answer only this challenge's questions"]
    for name, answer in answers.items():
        if name in questions and answer is not None:
            problem = answer_problem(questions[name], answer)
            if problem:
                problems[name] = [problem]
    if problems:
        return problems
    # Only well-typed, shallow values are left: serialising them can't fail.
    size = len(json.dumps(answers).encode())
    if size > MAX_ANSWERS_BYTES:
        return [f"answers are limited to {MAX_ANSWERS_BYTES} bytes in all (got {size})"]
    return []


def question_problems(index: int, question: Any, answer: Any, points: int) -> list[str]:
    """What is wrong with one question of a package (empty when it is well formed)."""
    where = f"cases.json: question {index}"
    if not isinstance(question, dict):
        return [f"{where}: input must be an object describing the question"]
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
        if answer_problem(question, answer) or (kind == "multiple" and not answer):
            problems.append(f"{where}: the answer must be option index(es) into options")
    elif kind == "estimate":
        tolerance = question.get("tolerance")
        if answer_problem(question, answer) or answer <= 0:
            problems.append(f"{where}: an estimate's answer must be a positive number")
        if (
            not isinstance(tolerance, dict)
            or tolerance.get("kind") not in ("relative", "order_of_magnitude")
            or not _finite_number(tolerance.get("value"))
            or tolerance["value"] < 0
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
        if answer_problem(question, answer):
            problems.append(f"{where}: the answer must be a permutation of item indexes")
    elif kind == "text":
        rubric = question.get("rubric")
        if (
            not isinstance(rubric, list)
            or not rubric
            or not all(
                isinstance(item, dict)
                and isinstance(item.get("criterion"), str)
                and _is_int(item.get("points"))
                and item["points"] >= 0
                for item in rubric
            )
        ):
            problems.append(
                f'{where}: free text needs a rubric for the reviewer: [{{"criterion": text, '
                '"points": whole number}, ...]'
            )
        elif sum(item["points"] for item in rubric) != points:
            problems.append(f"{where}: the rubric's points must add up to the weight ({points})")
    return problems


def estimate_correct(answer: Any, expected: Any, tolerance: dict) -> bool:
    if not _is_number(answer) or not _is_number(expected) or answer <= 0 or expected <= 0:
        return False
    try:
        if tolerance["kind"] == "relative":
            return abs(answer - expected) <= tolerance["value"] * abs(expected)
        return abs(math.log10(answer) - math.log10(expected)) <= tolerance["value"]
    except (KeyError, TypeError, ValueError, OverflowError):
        return False


def score_question(question: dict, expected: Any, answer: Any) -> bool | None:
    """True/False for auto-graded questions; None for free text (a reviewer decides)."""
    kind = question.get("type")
    if kind == "text":
        return None
    if answer is None or answer_problem(question, answer):
        return False
    if kind == "single":
        return answer == expected
    if kind == "multiple":
        return isinstance(expected, list) and sorted(answer) == sorted(expected)
    if kind == "estimate":
        return estimate_correct(answer, expected, question.get("tolerance"))
    if kind == "ordering":
        return answer == expected
    return False


def grade(*, version: ChallengeVersion, answers: dict | None, cases: list[TestCase]) -> Grade:
    """Score the auto-graded questions; rows don't copy the answers (the submission has them)."""
    answers = answers if isinstance(answers, dict) else {}
    rows: list[dict[str, Any]] = []
    earned = total = 0
    pending = False
    first_wrong = None
    for case in cases:
        question = case.input
        total += case.weight
        outcome = score_question(question, case.expected, answers.get(case.name))
        row: dict[str, Any] = {
            "ordinal": case.ordinal,
            "name": case.name,
            "visibility": case.visibility,
            "type": question["type"],
            "points": case.weight,
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


def pass_mark(version: ChallengeVersion) -> float:
    """The share of the points that passes: the package's `pass_mark`, else 0.7."""
    mark = version.config.get("pass_mark") if isinstance(version.config, dict) else None
    if _is_number(mark) and 0 < mark <= 1:
        return float(mark)
    return DEFAULT_PASS_MARK


def rows_pass(version: ChallengeVersion, rows: Any) -> bool:
    """Do these result rows reach the pass mark?

    While free text waits for review, the auto-graded points alone decide (at least one must
    exist); once every question is scored, all the points do.
    """
    rows = [row for row in rows if isinstance(row, dict)] if isinstance(rows, list) else []
    if any(row.get("status") == "pending_review" for row in rows):
        rows = [row for row in rows if row.get("type") != "text"]
    points = sum(row["points"] for row in rows if _is_int(row.get("points")))
    earned = sum(row["earned"] for row in rows if _is_int(row.get("earned")))
    return points > 0 and earned >= pass_mark(version) * points - 1e-9


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


def answer_text(question: dict[str, Any], answer: Any) -> str:
    """An answer in words: options by their text, an estimate with its unit."""
    if answer is None or answer == "" or answer == []:
        return "(no answer)"
    kind = question.get("type")
    options = question.get("options") or question.get("items") or []

    def option(index: Any) -> str:
        valid = isinstance(index, int) and not isinstance(index, bool)
        return str(options[index]) if valid and 0 <= index < len(options) else str(index)

    if kind == "single":
        return option(answer)
    if kind == "multiple" and isinstance(answer, list):
        return ", ".join(option(index) for index in answer)
    if kind == "ordering" and isinstance(answer, list):
        return " → ".join(option(index) for index in answer)
    if kind == "estimate":
        return f"{answer} {question.get('unit', '')}".strip()
    return str(answer)


class DesignKind(Kind):
    name = "design"
    label = "System design"
    page_templates = frozenset({"answer", "card"})
    runs_code = False
    source_extension = None
    config_keys = frozenset({"pass_mark"})
    cases_are_questions = True

    def case_columns(self, *, config: dict, paths: Collection[str]) -> list[CaseColumn]:
        """A question: its type decides which of the input's fields it uses."""
        return [
            NAME_COLUMN,
            CaseColumn(
                "visibility",
                "Visibility",
                "select",
                "Questions are hidden: their answer key is never shown.",
                options=("hidden",),
                default="hidden",
            ),
            CaseColumn(
                "weight",
                "Points",
                "number",
                "1 to 1000; empty counts as 1.",
                minimum=1,
                maximum=1000,
                default=1,
            ),
            CaseColumn(
                "input.type",
                "Type",
                "select",
                "Which fields below the question uses.",
                options=tuple(sorted(QUESTION_TYPES)),
                default="single",
            ),
            CaseColumn("input.prompt", "Prompt", "textarea", "The question.", default=""),
            CaseColumn(
                "input.options",
                "Options",
                "json",
                "single and multiple: a list of at least 2 choices.",
                default=["", ""],
            ),
            CaseColumn("input.items", "Items", "json", "ordering: a list of at least 2 entries."),
            CaseColumn("input.unit", "Unit", "text", "estimate: the answer's unit."),
            CaseColumn(
                "input.tolerance",
                "Tolerance",
                "json",
                'estimate: {"kind": "relative" or "order_of_magnitude", "value": number}.',
            ),
            CaseColumn(
                "input.rubric",
                "Rubric",
                "json",
                'text: a list of {"criterion": text, "points": number}; a reviewer scores it.',
            ),
            CaseColumn(
                "expected",
                "Answer key",
                "json",
                "Option index(es), the estimate, item indexes in order, or a model answer.",
                default=0,
            ),
            CATEGORY_COLUMN,
            HINT_COLUMN,
        ]

    def case_problems(self, index: int, case: Any, config: dict, assets: dict) -> list[str]:
        return question_problems(index, case.input, case.expected, case.weight)

    def grade(self, *, version, code, answers, cases, audience) -> Grade:
        return grade(version=version, answers=answers, cases=cases)

    def clean_answer(self, *, version, mode, code, answers) -> tuple[str, Any]:
        if answers is None:
            raise AnswerRejected("answers", "a design challenge is answered with `answers`")
        if mode != "submit":
            raise AnswerRejected("mode", "design challenges are submitted, not run")
        problems = answers_problems(list(version.cases.all()), answers)
        if problems:
            raise AnswerRejected("answers", problems)
        return "", answers

    def passed(self, *, version, verdict, rows) -> bool:
        return rows_pass(version, rows)

    def validation_summary(self, version: ChallengeVersion, report: Any) -> str:
        return f"{version.cases.count()} questions, answer key checked"

    def validate_without_sandbox(self, version: ChallengeVersion) -> list[str]:
        return validate(version)

    def _questions(self, version: ChallengeVersion):
        from challenges.queries import version_questions

        return version_questions(version_id=version.pk)

    def detail_fields(self, version: ChallengeVersion) -> dict:
        questions = [
            {"name": c.name, "points": c.weight, **c.input} for c in self._questions(version)
        ]
        return {"sql_schema": None, "questions": questions}

    def page_context(self, version: ChallengeVersion) -> dict:
        return {**super().page_context(version), "questions": self._questions(version)}

    def answer_lines(self, version: ChallengeVersion, answers: Any) -> list[dict[str, str]]:
        answers = answers if isinstance(answers, dict) else {}
        return [
            {
                "prompt": question.input.get("prompt", question.name),
                "answer": answer_text(question.input, answers.get(question.name)),
            }
            for question in self._questions(version)
        ]


KIND = DesignKind()
