"""Python challenges: call the candidate's function or class per case, compare outside."""

from __future__ import annotations

from typing import Any

from challenges.comparators import compare
from challenges.grading import CASE_STATUS_VERDICT, Grade, SandboxFailure, Verdict
from challenges.models import ChallengeVersion, TestCase
from runner.facade import CaseInput, Mode, RunSpec, Status, run
from runner.limits import limits_for

RUN_STATUS_VERDICT = {
    Status.SYNTAX_ERROR: Verdict.SYNTAX_ERROR,
    Status.RUNTIME_ERROR: Verdict.RUNTIME_ERROR,
    Status.TIMEOUT: Verdict.TIME_LIMIT,
    Status.MEMORY_LIMIT: Verdict.MEMORY_LIMIT,
    Status.OUTPUT_LIMIT: Verdict.OUTPUT_LIMIT,
}


def run_spec(*, version: ChallengeVersion, code: str, cases: list[TestCase]) -> RunSpec:
    config = version.config
    program = config.get("mode") == "program"
    return RunSpec(
        source=code,
        mode=Mode.PROGRAM_CASES if program else Mode.PYTHON_CASES,
        entrypoint="" if program else config["entrypoint"],
        cases=tuple(CaseInput(id=str(case.ordinal), input=case.input) for case in cases),
        limits=limits_for(
            time_limit_s=config.get("time_limit_s"), memory_mb=config.get("memory_mb")
        ),
    )


def error_for_case(case: TestCase, error: str) -> str:
    if case.visibility == TestCase.Visibility.EXAMPLE:
        return error
    # A hidden case's traceback could carry its input (a candidate can raise it back):
    # show only the exception's type line's type.
    last = error.strip().splitlines()[-1] if error.strip() else ""
    return last.split(":", 1)[0] if last else ""


def case_result(case: TestCase, status: str, passed: bool, output: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "ordinal": case.ordinal,
        "name": case.name,
        "visibility": case.visibility,
        "status": status,
        "passed": passed,
        "time_ms": output.time_ms if output else 0,
        "error": error_for_case(case, output.error) if output else "",
    }
    if case.visibility == TestCase.Visibility.EXAMPLE:
        row.update(
            input=case.input, expected=case.expected, actual=output.actual if output else None
        )
    else:
        row.update(category=case.category, hint="" if passed else case.hint)
    return row


def grade(*, version: ChallengeVersion, code: str, cases: list[TestCase]) -> Grade:
    result = run(run_spec(version=version, code=code, cases=cases))
    if result.status == Status.SANDBOX_ERROR:
        raise SandboxFailure(result.message)
    common = {
        "wall_time_ms": result.wall_time_ms,
        "cpu_time_ms": result.cpu_time_ms,
        "peak_memory_kb": result.peak_memory_kb,
        "stdout": result.stdout,
        "stderr": result.stderr,
    }
    if result.status != Status.OK and not result.cases:
        return Grade(
            verdict=RUN_STATUS_VERDICT.get(result.status, Verdict.RUNTIME_ERROR),
            score=0.0,
            cases=[case_result(case, "not_run", False, None) for case in cases],
            message=result.message,
            **common,
        )
    outputs = {output.id: output for output in result.cases}
    default = "text" if version.config.get("mode") == "program" else "exact"
    comparator = version.config.get("comparator", default)
    options = version.config.get("comparator_options", {})
    rows, verdict = [], Verdict.ACCEPTED
    passed_weight = total_weight = 0
    message = result.message
    for case in cases:
        output = outputs.get(str(case.ordinal))
        total_weight += case.weight
        if output is None:
            raise SandboxFailure(f"the harness returned no result for case {case.ordinal}")
        if output.status == "ok":
            passed = compare(comparator, case.expected, output.actual, options)
            status = "passed" if passed else Verdict.WRONG_ANSWER.value
        else:
            passed = False
            status = CASE_STATUS_VERDICT.get(output.status, Verdict.RUNTIME_ERROR).value
        if passed:
            passed_weight += case.weight
        elif verdict == Verdict.ACCEPTED:
            verdict = Verdict(status)
            message = message or f"{Verdict(status).label} on {case.name}"
        rows.append(case_result(case, status, passed, output))
    return Grade(
        verdict=verdict,
        score=round(passed_weight / total_weight, 4) if total_weight else 0.0,
        cases=rows,
        message="" if verdict == Verdict.ACCEPTED else message,
        **common,
    )
