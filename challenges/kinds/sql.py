"""SQL challenges: the candidate's query runs against each case's database in the sandbox;
the worker compares result tables outside, with a missing/extra row diff as feedback."""

from __future__ import annotations

import json
import math
from collections import Counter
from typing import Any

from challenges.grading import Grade
from challenges.kinds.scoring import AUTHOR, CANDIDATE, base_row, grade_outputs, is_hidden
from challenges.models import ChallengeVersion, TestCase
from runner.facade import CaseInput, Mode, RunSpec, run
from runner.limits import limits_for

DIFF_ROWS_SHOWN = 20


def case_input(version: ChallengeVersion, case: TestCase) -> dict[str, str]:
    return {
        "schema": version.assets.get("dataset/schema.sql", ""),
        "data": version.assets.get(f"dataset/{case.input['data']}.sql", ""),
    }


def run_spec(
    *, version: ChallengeVersion, code: str, cases: list[TestCase], audience: str = CANDIDATE
) -> RunSpec:
    config = version.config
    return RunSpec(
        source=code,
        mode=Mode.SQL_CASES,
        cases=tuple(
            CaseInput(id=str(c.ordinal), input=case_input(version, c), hidden=is_hidden(c))
            for c in cases
        ),
        limits=limits_for(
            time_limit_s=config.get("time_limit_s"), memory_mb=config.get("memory_mb")
        ),
        redact_hidden=audience != AUTHOR,
    )


def _round(value: Any, digits: int) -> Any:
    if isinstance(value, float) and math.isfinite(value):
        rounded = round(value, digits)
        return int(rounded) if rounded == int(rounded) else rounded
    return value


def _row_key(row: list[Any], digits: int) -> str:
    return json.dumps([_round(value, digits) for value in row])


def _cells_equal(expected: Any, actual: Any, tolerance: float) -> bool:
    if isinstance(expected, bool) or isinstance(actual, bool):
        return expected == actual
    if isinstance(expected, (int, float)) and isinstance(actual, (int, float)):
        return math.isclose(expected, actual, rel_tol=tolerance, abs_tol=tolerance)
    return expected == actual


def _is_table(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and isinstance(value.get("columns"), list)
        and all(isinstance(column, str) for column in value["columns"])
        and isinstance(value.get("rows"), list)
        and all(isinstance(row, list) for row in value["rows"])
    )


def compare_tables(expected: Any, actual: Any, config: dict) -> tuple[bool, dict[str, Any]]:
    """(equal, feedback): column check, row comparison and a missing/extra row diff."""
    if not _is_table(expected) or not _is_table(actual):
        return False, {"columns": "the result is not a table"}
    tolerance = float(config.get("float_tolerance", 1e-6))
    digits = max(0, min(12, -math.floor(math.log10(tolerance)) if tolerance > 0 else 12))
    feedback: dict[str, Any] = {}
    columns_e, columns_a = expected["columns"], actual["columns"]
    if len(columns_e) != len(columns_a):
        feedback["columns"] = f"expected {len(columns_e)} columns, got {len(columns_a)}"
    elif config.get("check_column_names") and [c.lower() for c in columns_e] != [
        c.lower() for c in columns_a
    ]:
        feedback["columns"] = f"expected columns {columns_e}, got {columns_a}"
    rows_e, rows_a = expected["rows"], actual["rows"]
    if config.get("order_matters"):
        pairs_e, pairs_a = rows_e, rows_a
    else:
        pairs_e = sorted(rows_e, key=lambda row: _row_key(row, digits))
        pairs_a = sorted(rows_a, key=lambda row: _row_key(row, digits))
    rows_equal = len(pairs_e) == len(pairs_a) and all(
        len(e) == len(a) and all(_cells_equal(x, y, tolerance) for x, y in zip(e, a, strict=True))
        for e, a in zip(pairs_e, pairs_a, strict=False)
    )
    if not rows_equal:
        counts_e = Counter(_row_key(row, digits) for row in rows_e)
        counts_a = Counter(_row_key(row, digits) for row in rows_a)
        missing = list((counts_e - counts_a).elements())
        extra = list((counts_a - counts_e).elements())
        feedback["missing_rows"] = [json.loads(key) for key in missing[:DIFF_ROWS_SHOWN]]
        feedback["extra_rows"] = [json.loads(key) for key in extra[:DIFF_ROWS_SHOWN]]
        feedback["missing_count"], feedback["extra_count"] = len(missing), len(extra)
        if not missing and not extra:
            feedback["order"] = "the right rows in the wrong order"
    return not feedback, feedback


def _row_result(case: TestCase, status: str, passed: bool, output, feedback) -> dict:
    row = base_row(case, status, passed, output)
    if not is_hidden(case):
        row.update(
            input={"dataset": case.input["data"]},
            expected=case.expected,
            actual=output.actual if output else None,
            diff=feedback or {},
        )
    return row


def grade(
    *, version: ChallengeVersion, code: str, cases: list[TestCase], audience: str = CANDIDATE
) -> Grade:
    def judge(case: TestCase, output) -> tuple[bool, dict]:
        return compare_tables(case.expected, output.actual, version.config)

    result = run(run_spec(version=version, code=code, cases=cases, audience=audience))
    return grade_outputs(
        result, cases, judge=judge, row=_row_result, keep_output=False, audience=audience
    )
