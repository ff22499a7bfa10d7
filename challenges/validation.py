"""Validate a challenge version in the real sandbox before it is published.

The reference solution must pass every case (twice: cases that disagree are flaky), the
starter must fail, every mutant (a known-wrong solution) must fail at least one hidden case,
and the time limit must leave at least 2x the reference's slowest case. A kind may add work of
its own (`Kind.validation_extras`: SQL describes its dataset for the schema panel, in the
sandbox, so an author's SQL never runs in a web or worker process).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from challenges import kinds
from challenges.grading import Grade, SandboxFailure, Verdict
from challenges.models import ChallengeVersion
from runner.facade import limits_for

CALIBRATION_FACTOR = 2


@dataclass
class MutantOutcome:
    name: str
    killed: bool
    failed_hidden: list[str]
    verdict: str


@dataclass
class ValidationReport:
    slug: str
    version: int
    problems: list[str] = field(default_factory=list)
    reference_case_ms: dict[str, int] = field(default_factory=dict)
    slowest_case_ms: int = 0
    time_limit_s: float = 0.0
    mutants: list[MutantOutcome] = field(default_factory=list)
    flaky: list[str] = field(default_factory=list)
    # SQL: the dataset's description for the schema panel (stored on the version, not reported).
    sql_schema: list[dict[str, Any]] | None = None

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def mutants_killed(self) -> int:
        return sum(1 for mutant in self.mutants if mutant.killed)

    def as_dict(self) -> dict:
        return {
            "slug": self.slug,
            "version": self.version,
            "ok": self.ok,
            "problems": self.problems,
            "reference_case_ms": self.reference_case_ms,
            "slowest_case_ms": self.slowest_case_ms,
            "time_limit_s": self.time_limit_s,
            "mutants": [mutant.__dict__ for mutant in self.mutants],
            "flaky": self.flaky,
        }


def _grade(version: ChallengeVersion, code: str) -> Grade:
    return kinds.grade(
        version=version, code=code, cases=version.cases.order_by("ordinal"), audience="author"
    )


def validate_version(version: ChallengeVersion) -> ValidationReport:
    report = ValidationReport(slug=version.challenge.slug, version=version.number)
    kind = kinds.kind_for(version.challenge.kind)
    if not kind.runs_code:
        report.problems += kind.validate_without_sandbox(version)
        return report
    if not kind.validation_extras(version, report):
        return report
    try:
        first = _grade(version, version.reference_solution)
        second = _grade(version, version.reference_solution)
    except SandboxFailure as exc:
        report.problems.append(f"sandbox error while running the reference: {exc}")
        return report
    for row in first.cases:
        if not row["passed"]:
            detail = f": {row['error']}" if row.get("error") else ""
            report.problems.append(
                f"reference fails case {row['ordinal']} ({row['name']}): {row['status']}{detail}"
            )
    if first.verdict != Verdict.ACCEPTED and not first.cases:
        report.problems.append(f"reference solution: {first.verdict} {first.message}".strip())
    pairs = list(zip(first.cases, second.cases, strict=True))
    report.flaky = [a["name"] for a, b in pairs if a["passed"] != b["passed"]]
    for name in report.flaky:
        report.problems.append(f"case {name!r} is flaky: passed once and failed once")
    report.reference_case_ms = {a["name"]: max(a["time_ms"], b["time_ms"]) for a, b in pairs}
    report.slowest_case_ms = max(report.reference_case_ms.values(), default=0)
    config = version.config
    report.time_limit_s = limits_for(
        time_limit_s=config.get("time_limit_s"), memory_mb=config.get("memory_mb")
    ).time_limit_s
    if report.time_limit_s * 1000 < CALIBRATION_FACTOR * report.slowest_case_ms:
        report.problems.append(
            f"time limit {report.time_limit_s:g} s is less than {CALIBRATION_FACTOR}x the "
            f"reference's slowest case ({report.slowest_case_ms} ms)"
        )
    try:
        starter = _grade(version, version.starter_code)
        if starter.verdict == Verdict.ACCEPTED:
            report.problems.append("the starter code passes every case: it must fail")
        for mutant in version.mutants:
            grade = _grade(version, mutant["code"])
            failed_hidden = [
                row["name"]
                for row in grade.cases
                if row["visibility"] == "hidden" and not row["passed"]
            ]
            outcome = MutantOutcome(
                name=mutant["name"],
                killed=bool(failed_hidden),
                failed_hidden=failed_hidden,
                verdict=str(grade.verdict),
            )
            report.mutants.append(outcome)
            if not outcome.killed:
                report.problems.append(
                    f"mutant {mutant['name']!r} survives: no hidden case fails it ({grade.verdict})"
                )
    except SandboxFailure as exc:
        report.problems.append(f"sandbox error while running the starter or a mutant: {exc}")
    return report
