"""A toy kind, registered only by tests (override_settings(CHALLENGE_KINDS=...)): it proves a kind
plugs in without a line of core code changing. Each case gives a definition; the candidate
answers with the word it defines, compared without regard to case or surrounding spaces. No
sandbox: nothing runs. Its page templates are in tests/challenges/toy_templates/."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from challenges.grading import Grade, Verdict
from challenges.kinds.base import AnswerRejected, Kind
from challenges.models import ChallengeVersion, TestCase

NAME = "glossary"
MODULE = __name__
TEMPLATES = Path(__file__).parent / "toy_templates"
WORD = re.compile(r"[a-z][a-z-]{0,39}")
MAX_ANSWER_CHARS = 40


def _word(value: Any) -> str:
    return value.strip().casefold() if isinstance(value, str) else ""


class GlossaryKind(Kind):
    name = NAME
    label = "Glossary"
    runs_code = False
    source_extension = None
    page_templates = frozenset({"example", "answer"})

    def case_problems(self, index: int, case: Any, config: dict, assets: dict) -> list[str]:
        where = f"cases.json: case {index}"
        problems = []
        definition = case.input.get("definition")
        if not isinstance(definition, str) or not definition.strip():
            problems.append(f'{where}: input is {{"definition": "<text>"}}')
        if not isinstance(case.expected, str) or not WORD.fullmatch(case.expected):
            problems.append(f"{where}: expected is one lowercase word")
        return problems

    def clean_answer(self, *, version, mode, code, answers) -> tuple[str, Any]:
        if code or not isinstance(answers, dict):
            raise AnswerRejected("answers", "a glossary is answered with `answers`: term -> word")
        names = set(version.cases.values_list("name", flat=True))
        problems = {
            str(name)[:80]: ["not a term of this glossary"] for name in answers if name not in names
        }
        problems.update(
            {
                name: [f"one word of at most {MAX_ANSWER_CHARS} characters"]
                for name, word in answers.items()
                if name in names and (not isinstance(word, str) or len(word) > MAX_ANSWER_CHARS)
            }
        )
        if problems:
            raise AnswerRejected("answers", problems)
        return "", answers

    def grade(self, *, version, code, answers, cases, audience) -> Grade:
        answers = answers if isinstance(answers, dict) else {}
        rows, first_wrong, earned, total = [], "", 0, 0
        for case in sorted(cases, key=lambda c: c.ordinal):
            given = _word(answers.get(case.name))
            passed = given == case.expected
            total += case.weight
            earned += case.weight if passed else 0
            row = {
                "ordinal": case.ordinal,
                "name": case.name,
                "visibility": case.visibility,
                "status": "passed" if passed else Verdict.WRONG_ANSWER.value,
                "passed": passed,
            }
            if case.visibility == TestCase.Visibility.EXAMPLE or audience == "author":
                row.update(input=case.input, expected=case.expected, actual=given)
            else:
                row.update(category=case.category, hint="" if passed else case.hint)
            first_wrong = first_wrong or ("" if passed else case.name)
            rows.append(row)
        return Grade(
            verdict=Verdict.WRONG_ANSWER if first_wrong else Verdict.ACCEPTED,
            score=round(earned / total, 4) if total else 0.0,
            cases=rows,
            message=f"Wrong answer on {first_wrong}" if first_wrong else "",
        )

    def validate_without_sandbox(self, version: ChallengeVersion) -> list[str]:
        cases = list(version.cases.all())
        problems = []
        if not any(case.visibility == TestCase.Visibility.EXAMPLE for case in cases):
            problems.append("a glossary needs at least one example term")
        if not any(case.visibility == TestCase.Visibility.HIDDEN for case in cases):
            problems.append("a glossary needs at least one hidden term")
        return problems

    def page_context(self, version: ChallengeVersion) -> dict[str, Any]:
        terms = version.cases.order_by("ordinal").values("name", "input")
        return {**super().page_context(version), "terms": list(terms)}


KIND = GlossaryKind()
