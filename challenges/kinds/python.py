"""Python challenges: call the candidate's function or class per case (or run their program
per stdin), compare outside the sandbox."""

from __future__ import annotations

from typing import Any

from challenges.comparators import compare
from challenges.grading import Grade
from challenges.kinds.scoring import AUTHOR, CANDIDATE, base_row, grade_outputs, is_hidden
from challenges.models import ChallengeVersion, TestCase
from runner.facade import CaseInput, CaseOutput, Mode, RunSpec, run
from runner.limits import limits_for


def run_spec(
    *, version: ChallengeVersion, code: str, cases: list[TestCase], audience: str = CANDIDATE
) -> RunSpec:
    config = version.config
    program = config.get("mode") == "program"
    return RunSpec(
        source=code,
        mode=Mode.PROGRAM_CASES if program else Mode.PYTHON_CASES,
        entrypoint="" if program else config["entrypoint"],
        cases=tuple(
            CaseInput(id=str(case.ordinal), input=case.input, hidden=is_hidden(case))
            for case in cases
        ),
        limits=limits_for(
            time_limit_s=config.get("time_limit_s"), memory_mb=config.get("memory_mb")
        ),
        redact_hidden=audience != AUTHOR,
    )


def case_row(
    case: TestCase, status: str, passed: bool, output: CaseOutput | None, feedback: Any = None
) -> dict[str, Any]:
    row = base_row(case, status, passed, output)
    if not is_hidden(case):
        row.update(
            input=case.input,
            expected=case.expected,
            actual=output.actual if output else None,
            output=output.output if output else "",
        )
    return row


def grade(
    *, version: ChallengeVersion, code: str, cases: list[TestCase], audience: str = CANDIDATE
) -> Grade:
    config = version.config
    comparator = config.get("comparator", "text" if config.get("mode") == "program" else "exact")
    options = config.get("comparator_options", {})

    def judge(case: TestCase, output: CaseOutput) -> tuple[bool, None]:
        return compare(comparator, case.expected, output.actual, options), None

    result = run(run_spec(version=version, code=code, cases=cases, audience=audience))
    return grade_outputs(result, cases, judge=judge, row=case_row, audience=audience)
