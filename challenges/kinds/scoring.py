"""Turn a sandbox run's per-case outputs into a Grade: the part every code kind shares.

Each kind supplies how one case is judged (`judge`) and what a result row shows (`row`);
the verdict is the first failing case's, the score the passed weight over the total.

What a candidate sees of hidden cases is decided here (docs/runner.md, "Hidden cases"): a
hidden row carries its name, category and a status word, and its hint when it failed; never
what the code printed, raised, returned or how long it took. Outcomes of hidden cases after the
first failing one (in the author's order) are withheld, so a submission can't probe every
hidden case at once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from challenges.grading import CASE_STATUS_VERDICT, Grade, SandboxFailure, Verdict
from challenges.models import TestCase
from runner.facade import CaseInput, CaseOutput, Mode, RunResult, RunSpec, Status, limits_for

RUN_STATUS_VERDICT = {
    Status.SYNTAX_ERROR: Verdict.SYNTAX_ERROR,
    Status.RUNTIME_ERROR: Verdict.RUNTIME_ERROR,
    Status.TIMEOUT: Verdict.TIME_LIMIT,
    Status.MEMORY_LIMIT: Verdict.MEMORY_LIMIT,
    Status.OUTPUT_LIMIT: Verdict.OUTPUT_LIMIT,
}
logger = logging.getLogger(__name__)
CANDIDATE = "candidate"
AUTHOR = "author"
WITHHELD = "withheld"

# judge(case, output) -> (passed, feedback) for a case that produced a value.
Judge = Callable[[TestCase, CaseOutput], tuple[bool, Any]]
# row(case, status, passed, output or None, feedback) -> the result row shown to the candidate.
Row = Callable[[TestCase, str, bool, CaseOutput | None, Any], dict[str, Any]]


def is_hidden(case: TestCase) -> bool:
    return case.visibility != TestCase.Visibility.EXAMPLE


def case_run_spec(
    *,
    code: str,
    mode: Mode,
    config: dict,
    cases: list[TestCase],
    audience: str,
    case_input: Callable[[TestCase], Any] = lambda case: case.input,
    **options: Any,
) -> RunSpec:
    """What a code kind sends to the sandbox: one input per case (hidden ones marked), the
    version's limits, and hidden cases redacted unless an author validates their own."""
    return RunSpec(
        source=code,
        mode=mode,
        cases=tuple(
            CaseInput(id=str(case.ordinal), input=case_input(case), hidden=is_hidden(case))
            for case in cases
        ),
        limits=limits_for(
            time_limit_s=config.get("time_limit_s"), memory_mb=config.get("memory_mb")
        ),
        redact_hidden=audience != AUTHOR,
        **options,
    )


def base_row(case: TestCase, status: str, passed: bool, output: CaseOutput | None) -> dict:
    """The fields every row has; a visible case adds its time and error in full, a hidden case
    its category and, when it failed, the author's hint."""
    row = {
        "ordinal": case.ordinal,
        "name": case.name,
        "visibility": case.visibility,
        "status": status,
        "passed": passed,
    }
    if is_hidden(case):
        row.update(category=case.category, hint="" if passed else case.hint)
    else:
        row["error"] = output.error if output else ""
        # A time only where the harness measured one: a case that never ran has none (it used to
        # say "0 ms", like a real sub-millisecond run, which the page now shows as "< 1 ms").
        if output is not None and status != "not_run":
            row["time_ms"] = output.time_ms
    return row


def withhold_after_first_hidden_failure(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows as a candidate sees them: hidden rows after the first failing hidden one (in the
    author's order) say only that their outcome is withheld."""
    shown, failed = [], False
    for row in sorted(rows, key=lambda r: r["ordinal"]):
        if row["visibility"] == TestCase.Visibility.EXAMPLE:
            shown.append(row)
        elif failed:
            shown.append(
                {
                    "ordinal": row["ordinal"],
                    "name": row["name"],
                    "visibility": row["visibility"],
                    "category": row.get("category", ""),
                    "status": WITHHELD,
                    "passed": None,
                    "hint": "",
                }
            )
        else:
            failed = not row["passed"]
            shown.append(row)
    return shown


def grade_outputs(
    result: RunResult,
    cases: list[TestCase],
    *,
    judge: Judge,
    row: Row,
    keep_output: bool = True,
    audience: str = CANDIDATE,
) -> Grade:
    if result.status == Status.SANDBOX_ERROR:
        raise SandboxFailure(result.message)
    cases = sorted(cases, key=lambda case: case.ordinal)
    common = {
        "wall_time_ms": result.wall_time_ms,
        "cpu_time_ms": result.cpu_time_ms,
        "peak_memory_kb": result.peak_memory_kb,
        "stdout": result.stdout if keep_output else "",
        "stderr": result.stderr if keep_output else "",
    }
    if result.status != Status.OK and all(c.status == "not_run" for c in result.cases):
        # Nothing ran (the code didn't load, or the whole run was stopped).
        rows = [row(case, "not_run", False, None, None) for case in cases]
        if audience == AUTHOR:
            for shown in rows:
                shown.setdefault("time_ms", 0)
                shown.setdefault("error", "")
        return Grade(
            verdict=RUN_STATUS_VERDICT.get(result.status, Verdict.RUNTIME_ERROR),
            score=0.0,
            cases=rows,
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
            try:
                passed, feedback = judge(case, output)
            except Exception:
                # Whatever the code returned, judging it must end in a verdict: a value the
                # comparison can't take is not the expected one.
                logger.exception("judging case %s raised; counted as a wrong answer", case.pk)
                passed, feedback = False, None
            status = "passed" if passed else Verdict.WRONG_ANSWER.value
        else:
            passed = False
            status = CASE_STATUS_VERDICT.get(output.status, Verdict.RUNTIME_ERROR).value
        if passed:
            passed_weight += case.weight
        elif verdict == Verdict.ACCEPTED:
            verdict = Verdict(status)
            message = result.message or f"{Verdict(status).label} on {case.name}"
        shown = row(case, status, passed, output, feedback)
        if audience == AUTHOR:
            # The author's own challenge: every case's error and timing, hidden ones too (an
            # error the kind's row gave, e.g. why a comparison failed, when the run had none).
            shown.update(time_ms=output.time_ms, error=output.error or shown.get("error", ""))
        rows.append(shown)
    return Grade(
        verdict=verdict,
        score=round(passed_weight / total_weight, 4) if total_weight else 0.0,
        cases=rows if audience == AUTHOR else withhold_after_first_hidden_failure(rows),
        message=message,
        **common,
    )
