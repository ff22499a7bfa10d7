"""Custom runs ("run with my input"): the candidate's code and the challenge's reference solution
on the candidate's own input, each in a sandbox run of its own, and one row setting the two
outcomes side by side. The part every kind with custom input shares.

What crosses which boundary (docs/runner.md): the candidate's input enters both sandboxes. From
the candidate's run comes back what a visible case shows (value, printed output, error, time).
From the reference's run only its status word and its value: it runs as a hidden case, so the
harness strips its printed output, error text and timing, and its code never leaves the worker.
No case of the challenge, visible or hidden, is involved beyond what a kind puts in the input
(SQL: the visible example's dataset).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from challenges.grading import CASE_STATUS_VERDICT, Grade, SandboxFailure, Verdict
from challenges.kinds.scoring import RUN_STATUS_VERDICT
from runner.facade import CaseInput, CaseOutput, Mode, RunResult, RunSpec, Status, limits_for, run

CASE_ID = "custom"
ROW_NAME = "Your input"
MATCH = "Your output matches the reference solution's on your input."
DIFFERS = "Your output differs from the reference solution's on your input."

# judge(reference's value, the candidate's case) -> (same?, feedback for the row)
Judge = Callable[[Any, CaseOutput], tuple[bool, Any]]


def custom_spec(
    *,
    source: str,
    mode: Mode,
    config: dict,
    case_input: dict[str, Any],
    reference: bool,
    entrypoint: str = "",
) -> RunSpec:
    """One run on the custom input; the reference's case is hidden, so only its status and
    value come back."""
    return RunSpec(
        source=source,
        mode=mode,
        entrypoint=entrypoint,
        cases=(CaseInput(id=CASE_ID, input=case_input, hidden=reference),),
        limits=limits_for(
            time_limit_s=config.get("time_limit_s"), memory_mb=config.get("memory_mb")
        ),
        redact_hidden=True,
    )


def run_pair(
    *,
    code: str,
    reference_code: str,
    mode: Mode,
    config: dict,
    case_input: dict[str, Any],
    entrypoint: str = "",
) -> tuple[RunResult, RunResult]:
    """(the candidate's run, the reference's run); raises SandboxFailure on our failures."""
    results = []
    for source, reference in ((code, False), (reference_code, True)):
        result = run(
            custom_spec(
                source=source,
                mode=mode,
                config=config,
                case_input=case_input,
                reference=reference,
                entrypoint=entrypoint,
            )
        )
        if result.status == Status.SANDBOX_ERROR:
            raise SandboxFailure(result.message)
        results.append(result)
    return results[0], results[1]


def case_of(result: RunResult) -> CaseOutput | None:
    return next((case for case in result.cases if case.id == CASE_ID), None)


def reference_outcome(result: RunResult) -> tuple[str, Any]:
    """("ok", its value) when the reference finished on the input, else (a verdict word, None)."""
    case = case_of(result)
    if case is not None and case.status == Status.OK:
        return "ok", case.actual
    if case is None or case.status == "not_run":
        return str(RUN_STATUS_VERDICT.get(result.status, Verdict.RUNTIME_ERROR)), None
    return str(CASE_STATUS_VERDICT.get(case.status, Verdict.RUNTIME_ERROR)), None


def grade_pair(
    mine: RunResult,
    reference: RunResult,
    *,
    shown_input: Any,
    judge: Judge,
    keep_output: bool = True,
    settle: Callable[[CaseOutput, Any], CaseOutput] = lambda case, expected: case,
) -> Grade:
    """The custom run's grade: accepted when the candidate's output is the reference's, wrong
    answer when it differs (or the reference had nothing to compare with), else the
    candidate's own failure. Never scored: custom runs are not submits."""
    reference_status, expected = reference_outcome(reference)
    row: dict[str, Any] = {
        "ordinal": 1,
        "name": ROW_NAME,
        # A visible row: it is the candidate's own input, shown in full like an example.
        "visibility": "example",
        "custom": True,
        "input": shown_input,
        "expected": expected,
        "reference_status": reference_status,
        "actual": None,
        "output": "",
        "error": "",
    }
    common = {
        "wall_time_ms": mine.wall_time_ms,
        "cpu_time_ms": mine.cpu_time_ms,
        "peak_memory_kb": mine.peak_memory_kb,
        "stdout": mine.stdout if keep_output else "",
        "stderr": mine.stderr if keep_output else "",
    }
    case = case_of(mine)
    if case is None or case.status == "not_run":
        verdict = RUN_STATUS_VERDICT.get(mine.status, Verdict.RUNTIME_ERROR)
        row.update(status="not_run", passed=False)
        return Grade(verdict=verdict, score=0.0, cases=[row], message=mine.message, **common)
    case = settle(case, expected)
    row.update(
        actual=case.actual,
        output=case.output if keep_output else "",
        error=case.error,
        time_ms=case.time_ms,
    )
    if case.status != Status.OK:
        verdict = Verdict(CASE_STATUS_VERDICT.get(case.status, Verdict.RUNTIME_ERROR))
        row.update(status=verdict.value, passed=False)
        message = mine.message or f"{verdict.label} on your input."
        return Grade(verdict=verdict, score=0.0, cases=[row], message=message, **common)
    if reference_status != "ok":
        row.update(status=Verdict.WRONG_ANSWER.value, passed=False)
        message = (
            f"The reference solution did not finish on your input "
            f"({Verdict(reference_status).label.lower()}), so there is nothing to compare "
            "with: keep your input within the statement's limits."
        )
        return Grade(
            verdict=Verdict.WRONG_ANSWER, score=0.0, cases=[row], message=message, **common
        )
    try:
        same, feedback = judge(expected, case)
    except Exception:
        # Whatever the two programs returned, comparing them must end in an answer.
        same, feedback = False, None
    if feedback:
        row["diff"] = feedback
    row.update(status="passed" if same else Verdict.WRONG_ANSWER.value, passed=same)
    return Grade(
        verdict=Verdict.ACCEPTED if same else Verdict.WRONG_ANSWER,
        score=1.0 if same else 0.0,
        cases=[row],
        message=MATCH if same else DIFFERS,
        **common,
    )
