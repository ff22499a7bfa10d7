"""Challenge kinds: each kind's module says how it is packaged, graded, validated and shown.

`kind_for(name)` returns the kind's object (challenges/kinds/base.py); code outside this package
asks it instead of comparing kind names. Which kinds exist is the `CHALLENGE_KINDS` setting, read
at every call, so a kind is added by settings alone (and `override_settings` works in tests).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable

from django.conf import settings

from challenges.grading import Grade
from challenges.kinds.base import NO_CUSTOM_INPUT, AnswerRejected, Kind
from challenges.models import ChallengeVersion, TestCase

__all__ = [
    "AnswerRejected",
    "Kind",
    "grade",
    "grade_custom",
    "is_kind_name",
    "kind_choices",
    "kind_for",
    "kind_names",
    "needs_sandbox",
]


def _modules() -> dict[str, str]:
    return settings.CHALLENGE_KINDS


def kind_names() -> list[str]:
    return sorted(_modules())


def is_kind_name(value: object) -> bool:
    """Is `value` the name of a registered kind? Total: any JSON value, hashable or not."""
    return isinstance(value, str) and value in _modules()


def kind_for(name: str) -> Kind:
    """The kind called `name`; KeyError for a name the registry doesn't hold."""
    kind = importlib.import_module(_modules()[name]).KIND
    if kind.name != name:
        # A settings mistake (two names for one module) would stamp rows with the wrong kind.
        raise KeyError(f"{name}: its module defines the kind {kind.name!r}")
    return kind


def kind_choices() -> list[tuple[str, str]]:
    """(name, label) of every kind in the setting's order, for forms, filters and the admin."""
    return [(name, kind_for(name).label) for name in _modules()]


def grade(
    *,
    version: ChallengeVersion,
    code: str = "",
    cases: Iterable[TestCase],
    answers: dict | None = None,
    audience: str = "candidate",
) -> Grade:
    """Grade `code` (or a design challenge's `answers`) against `cases` of `version`; raises
    SandboxFailure on our own failures.

    `audience="candidate"` (the default) redacts hidden cases as docs/runner.md says: nothing
    the code produced while a hidden case ran comes back. `audience="author"` (validation of
    an author's own reference, starter and mutants) keeps every case's detail and timing.
    """
    kind = kind_for(version.challenge.kind)
    result = kind.grade(
        version=version, code=code, answers=answers, cases=list(cases), audience=audience
    )
    # Every row says which kind rendered it (the page looks up its renderer by it); the
    # registry stamps it so a kind can't forget it or name another.
    for row in result.cases:
        if isinstance(row, dict):
            row["kind"] = kind.name
    return result


def grade_custom(*, version: ChallengeVersion, code: str, custom_input: str) -> Grade:
    """A custom run: `code` and the reference solution of `version` on the candidate's own
    input; raises SandboxFailure on our own failures, AnswerRejected if the kind has none."""
    kind = kind_for(version.challenge.kind)
    if not kind.custom_input:
        raise AnswerRejected("custom_input", NO_CUSTOM_INPUT)
    result = kind.grade_custom(version=version, code=code, custom_input=custom_input)
    for row in result.cases:
        if isinstance(row, dict):
            row["kind"] = kind.name
    return result


def needs_sandbox(kind: str) -> bool:
    """Is a challenge of this kind graded by running code?"""
    return kind_for(kind).runs_code


def question_kinds() -> list[str]:
    """Kinds whose cases are questions with their answer key: never shown as examples."""
    return [name for name in kind_names() if kind_for(name).cases_are_questions]
