"""Turn a sandbox run's per-case outputs into a Grade: the part every code kind shares.

Each kind supplies how one case is judged (`judge`) and what a result row shows (`row`);
the verdict is the first failing case's, the score the passed weight over the total.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from challenges.grading import CASE_STATUS_VERDICT, Grade, SandboxFailure, Verdict
from challenges.models import TestCase
from runner.facade import CaseOutput, RunResult, Status

RUN_STATUS_VERDICT = {
    Status.SYNTAX_ERROR: Verdict.SYNTAX_ERROR,
    Status.RUNTIME_ERROR: Verdict.RUNTIME_ERROR,
    Status.TIMEOUT: Verdict.TIME_LIMIT,
    Status.MEMORY_LIMIT: Verdict.MEMORY_LIMIT,
    Status.OUTPUT_LIMIT: Verdict.OUTPUT_LIMIT,
}

# judge(case, output) -> (passed, feedback) for a case that produced a value.
Judge = Callable[[TestCase, CaseOutput], tuple[bool, Any]]
# row(case, status, passed, output or None, feedback) -> the result row shown to the candidate.
Row = Callable[[TestCase, str, bool, CaseOutput | None, Any], dict[str, Any]]


def error_for_case(case: TestCase, error: str) -> str:
    """A visible case's error in full; a hidden case's only as its exception type."""
    if case.visibility == TestCase.Visibility.EXAMPLE:
        return error
    # A hidden case's traceback could carry its input (a candidate can raise it back).
    last = error.strip().splitlines()[-1] if error.strip() else ""
    return last.split(":", 1)[0] if last else ""


def base_row(case: TestCase, status: str, passed: bool, output: CaseOutput | None) -> dict:
    return {
        "ordinal": case.ordinal,
        "name": case.name,
        "visibility": case.visibility,
        "status": status,
        "passed": passed,
        "time_ms": output.time_ms if output else 0,
        "error": error_for_case(case, output.error) if output else "",
    }


def grade_outputs(
    result: RunResult, cases: list[TestCase], *, judge: Judge, row: Row, keep_output: bool = True
) -> Grade:
    if result.status == Status.SANDBOX_ERROR:
        raise SandboxFailure(result.message)
    common = {
        "wall_time_ms": result.wall_time_ms,
        "cpu_time_ms": result.cpu_time_ms,
        "peak_memory_kb": result.peak_memory_kb,
        "stdout": result.stdout if keep_output else "",
        "stderr": result.stderr if keep_output else "",
    }
    if result.status != Status.OK and all(c.status == "not_run" for c in result.cases):
        # Nothing ran (the code didn't load, or the whole run was stopped).
        return Grade(
            verdict=RUN_STATUS_VERDICT.get(result.status, Verdict.RUNTIME_ERROR),
            score=0.0,
            cases=[row(case, "not_run", False, None, None) for case in cases],
            message=result.message,
            **common,
        )
    outputs = {output.id: output for output in result.cases}
    rows, verdict, message = [], Verdict.ACCEPTED, ""
    passed_weight = total_weight = 0
    for case in cases:
        output = outputs.get(str(case.ordinal))
        if output is None:
            raise SandboxFailure(f"the harness returned no result for case {case.ordinal}")
        total_weight += case.weight
        feedback = None
        if output.status == "ok":
            passed, feedback = judge(case, output)
            status = "passed" if passed else Verdict.WRONG_ANSWER.value
        else:
            passed = False
            status = CASE_STATUS_VERDICT.get(output.status, Verdict.RUNTIME_ERROR).value
        if passed:
            passed_weight += case.weight
        elif verdict == Verdict.ACCEPTED:
            verdict = Verdict(status)
            message = result.message or f"{Verdict(status).label} on {case.name}"
        rows.append(row(case, status, passed, output, feedback))
    return Grade(
        verdict=verdict,
        score=round(passed_weight / total_weight, 4) if total_weight else 0.0,
        cases=rows,
        message=message,
        **common,
    )
