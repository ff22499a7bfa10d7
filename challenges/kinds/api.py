"""API challenges: hidden scenarios call the candidate's endpoints in the sandbox; the
worker checks each response's status, headers and JSON body outside."""

from __future__ import annotations

from typing import Any

from challenges.grading import CASE_STATUS_VERDICT, Grade, SandboxFailure, Verdict
from challenges.kinds.python import RUN_STATUS_VERDICT, error_for_case
from challenges.matchers import response_mismatch
from challenges.models import ChallengeVersion, TestCase
from runner.facade import CaseInput, Mode, RunSpec, Status, run
from runner.limits import limits_for


def run_spec(*, version: ChallengeVersion, code: str, cases: list[TestCase]) -> RunSpec:
    config = version.config
    return RunSpec(
        source=code,
        mode=Mode.API_CASES,
        entrypoint=config.get("entrypoint", "app"),
        factory=bool(config.get("factory", False)),
        cases=tuple(CaseInput(id=str(case.ordinal), input=case.input) for case in cases),
        limits=limits_for(
            time_limit_s=config.get("time_limit_s"), memory_mb=config.get("memory_mb")
        ),
    )


def scenario_mismatch(expected: list[dict], actual: list[dict]) -> tuple[int, str] | None:
    """(step, what) of the first response that differs, or None."""
    for step, (want, got) in enumerate(zip(expected, actual, strict=False)):
        problem = response_mismatch(want, got)
        if problem:
            return step, problem
    if len(actual) < len(expected):
        return len(actual), "no response"
    return None


def _row(case: TestCase, status: str, passed: bool, output, failure) -> dict[str, Any]:
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
            input=case.input,
            expected=case.expected,
            actual=output.actual if output else None,
            mismatch=({"step": failure[0], "detail": failure[1]} if failure else None),
        )
    else:
        # Which step failed and in what part (status, a header, the body), never the data.
        where = None
        if failure:
            part = failure[1].split(":", 1)[0]
            where = {"step": failure[0], "part": part}
        row.update(category=case.category, hint="" if passed else case.hint, mismatch=where)
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
    if result.status != Status.OK and not any(c.status != "not_run" for c in result.cases):
        return Grade(
            verdict=RUN_STATUS_VERDICT.get(result.status, Verdict.RUNTIME_ERROR),
            score=0.0,
            cases=[_row(case, "not_run", False, None, None) for case in cases],
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
        failure = None
        if output.status == "ok":
            failure = scenario_mismatch(case.expected, output.actual or [])
            passed = failure is None
            status = "passed" if passed else Verdict.WRONG_ANSWER.value
        else:
            passed = False
            status = CASE_STATUS_VERDICT.get(output.status, Verdict.RUNTIME_ERROR).value
        if passed:
            passed_weight += case.weight
        elif verdict == Verdict.ACCEPTED:
            verdict = Verdict(status)
            message = f"{Verdict(status).label} on {case.name}"
        rows.append(_row(case, status, passed, output, failure))
    return Grade(
        verdict=verdict,
        score=round(passed_weight / total_weight, 4) if total_weight else 0.0,
        cases=rows,
        message=message,
        **common,
    )
