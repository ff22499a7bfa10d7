"""Challenge kinds: how each kind turns a version and a candidate's answer into a Grade."""

from __future__ import annotations

from collections.abc import Iterable

from challenges.grading import Grade
from challenges.models import Challenge, ChallengeVersion, TestCase


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
    kind = version.challenge.kind
    if kind == Challenge.Kind.DESIGN:
        from challenges.kinds import design

        return design.grade(version=version, answers=answers, cases=list(cases))
    if kind == Challenge.Kind.PYTHON:
        from challenges.kinds import python

        return python.grade(version=version, code=code, cases=list(cases), audience=audience)
    if kind == Challenge.Kind.API:
        from challenges.kinds import api

        return api.grade(version=version, code=code, cases=list(cases), audience=audience)
    if kind == Challenge.Kind.SQL:
        from challenges.kinds import sql

        return sql.grade(version=version, code=code, cases=list(cases), audience=audience)
    raise NotImplementedError(f"grading for {kind!r} challenges is not available yet")


def needs_sandbox(kind: str) -> bool:
    """Design challenges are graded from answers alone; every other kind runs code."""
    return kind != Challenge.Kind.DESIGN


def validate_without_sandbox(version: ChallengeVersion) -> list[str]:
    """Problems with a challenge graded without running code (design)."""
    from challenges.kinds import design

    return design.validate(version)
