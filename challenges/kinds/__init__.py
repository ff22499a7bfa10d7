"""Challenge kinds: each kind's module says how it is packaged, graded, validated and shown.

`kind_for(name)` returns the kind's object (challenges/kinds/base.py); code outside this package
asks it instead of comparing kind names.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable

from challenges.grading import Grade
from challenges.kinds.base import AnswerRejected, Kind
from challenges.models import ChallengeVersion, TestCase

__all__ = ["AnswerRejected", "Kind", "grade", "kind_for", "kind_names", "needs_sandbox"]

# Kind name -> the module defining its KIND object (imported on first use).
MODULES = {
    "python": "challenges.kinds.python",
    "api": "challenges.kinds.api",
    "sql": "challenges.kinds.sql",
    "design": "challenges.kinds.design",
    "schema": "challenges.kinds.schema",
}


def kind_names() -> list[str]:
    return sorted(MODULES)


def kind_for(name: str) -> Kind:
    """The kind called `name`; KeyError for a name no module defines."""
    return importlib.import_module(MODULES[name]).KIND


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
    return kind_for(version.challenge.kind).grade(
        version=version, code=code, answers=answers, cases=list(cases), audience=audience
    )


def needs_sandbox(kind: str) -> bool:
    """Is a challenge of this kind graded by running code?"""
    return kind_for(kind).runs_code


def question_kinds() -> list[str]:
    """Kinds whose cases are questions with their answer key: never shown as examples."""
    return [name for name in kind_names() if kind_for(name).cases_are_questions]
