"""Schema (data modelling) challenges: the candidate writes DDL for a stated domain; each case's
steps, run in the sandbox on a fresh database, insert rows that must be accepted, rows that must
be rejected by a constraint, and queries whose results (and optionally plans) the worker checks.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any

from challenges.grading import Grade
from challenges.kinds.base import CaseColumn, Kind, case_columns_around
from challenges.kinds.scoring import (
    AUTHOR,
    CANDIDATE,
    base_row,
    case_run_spec,
    grade_outputs,
    is_hidden,
)
from challenges.kinds.sql import compare_tables
from challenges.models import ChallengeVersion, TestCase
from runner.facade import Mode, RunSpec, run

MAX_STEPS = 200
MAX_STATEMENT = 20_000
MAX_NOTE = 200
MAX_NAME = 80
MAX_PLAN_TABLES = 10
# What a rejection may be asked to come from (the runner's classes of SQLite constraint errors).
CONSTRAINTS = ("not_null", "unique", "check", "foreign_key", "trigger", "datatype")
CONSTRAINT_WORDS = {
    "not_null": "NOT NULL",
    "unique": "UNIQUE (or PRIMARY KEY)",
    "check": "CHECK",
    "foreign_key": "FOREIGN KEY",
    "trigger": "a trigger's RAISE",
    "datatype": "a column type (STRICT table)",
}
STATEMENT_KEYS = ("accept", "reject", "query")
STEP_KEYS = {
    "accept": {"accept", "note"},
    "reject": {"reject", "note", "violates"},
    "query": {"query", "note", "name", "ordered", "uses_index_on", "no_full_scan", "index_columns"},
}
TABLE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}")
PLAN_LINE = re.compile(r"(SCAN|SEARCH) (\S+)(?: USING (.*))?")


def step_type(step: Any) -> str | None:
    """accept, reject or query: the one statement key a step has (None: not a step)."""
    if not isinstance(step, dict):
        return None
    present = [key for key in STATEMENT_KEYS if key in step]
    return present[0] if len(present) == 1 else None


def plan_checked(step: dict) -> bool:
    return bool(step.get("uses_index_on") or step.get("no_full_scan") or step.get("index_columns"))


def _text_problem(value: Any, limit: int) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return "must be non-empty text"
    if len(value) > limit:
        return f"must be at most {limit} characters"
    if "\x00" in value:
        return "must not contain NUL"
    return None


def _step_problems(where: str, step: Any, names: set[str]) -> list[str]:
    kind = step_type(step)
    if kind is None:
        return [f"{where}: a step is an object with exactly one of {list(STATEMENT_KEYS)}"]
    problems = []
    unknown = sorted(set(step) - STEP_KEYS[kind])
    if unknown:
        problems.append(f"{where}: unknown key(s) for a {kind} step: {unknown}")
    problem = _text_problem(step[kind], MAX_STATEMENT)
    if problem:
        problems.append(f"{where}: {kind} {problem}")
    if "note" in step and _text_problem(step["note"], MAX_NOTE):
        problems.append(f"{where}: note {_text_problem(step['note'], MAX_NOTE)}")
    if kind == "reject" and "violates" in step and step["violates"] not in CONSTRAINTS:
        problems.append(f"{where}: violates must be one of {list(CONSTRAINTS)}")
    if kind != "query":
        return problems
    name = step.get("name")
    if _text_problem(name, MAX_NAME):
        problems.append(f"{where}: a query step needs a name ({_text_problem(name, MAX_NAME)})")
    elif name in names:
        problems.append(f"{where}: query name {name!r} is used twice in this case")
    else:
        names.add(name)
    if "ordered" in step and not isinstance(step["ordered"], bool):
        problems.append(f"{where}: ordered must be true or false")
    for key in ("uses_index_on", "no_full_scan"):
        tables = step.get(key, [])
        if not (
            isinstance(tables, list)
            and len(tables) <= MAX_PLAN_TABLES
            and all(isinstance(t, str) and TABLE_NAME.fullmatch(t) for t in tables)
        ):
            problems.append(
                f"{where}: {key} must be a list of at most {MAX_PLAN_TABLES} table names"
            )
    columns = step.get("index_columns", {})
    if not (
        isinstance(columns, dict)
        and len(columns) <= MAX_PLAN_TABLES
        and all(
            TABLE_NAME.fullmatch(table)
            and isinstance(names, list)
            and 0 < len(names) <= MAX_PLAN_TABLES
            and all(isinstance(n, str) and TABLE_NAME.fullmatch(n) for n in names)
            for table, names in columns.items()
        )
    ):
        problems.append(
            f"{where}: index_columns maps at most {MAX_PLAN_TABLES} table names to lists of "
            "1-10 column names"
        )
    return problems


def case_problems(index: int, case: Any) -> list[str]:
    """Problems with a schema case: its steps and the expected result of each named query."""
    where = f"cases.json: case {index}"
    steps = case.input.get("steps")
    if not isinstance(steps, list) or not steps or len(steps) > MAX_STEPS:
        return [f'{where}: input is {{"steps": [...]}} with 1-{MAX_STEPS} steps']
    problems: list[str] = []
    names: set[str] = set()
    for number, step in enumerate(steps, start=1):
        problems += _step_problems(f"{where}: step {number}", step, names)
    expected = case.expected
    if not isinstance(expected, dict):
        return [*problems, f"{where}: expected is an object: query name -> result table"]
    for name in sorted(set(expected) - names):
        problems.append(f"{where}: expected has {name!r}, which no query step names")
    for number, step in enumerate(steps, start=1):
        if step_type(step) != "query" or not isinstance(step.get("name"), str):
            continue
        table = expected.get(step["name"])
        if table is None and not plan_checked(step):
            problems.append(
                f"{where}: step {number}: a query needs an expected result or a plan check"
            )
        elif table is not None and not _is_table(table):
            problems.append(
                f'{where}: expected {step["name"]!r} is {{"columns": [...], "rows": [[...]]}}'
            )
    return problems


def _is_table(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and set(value) == {"columns", "rows"}
        and isinstance(value["columns"], list)
        and all(isinstance(column, str) for column in value["columns"])
        and isinstance(value["rows"], list)
        and all(isinstance(row, list) for row in value["rows"])
    )


def plan_problem(step: dict, plan: Any) -> str:
    """Why a query's plan fails the step's plan check ("" when it passes)."""
    if not isinstance(plan, list) or not all(isinstance(line, str) for line in plan):
        return "no query plan"
    parsed = []
    for line in plan:
        match = PLAN_LINE.fullmatch(line.strip())
        if match:
            parsed.append((match[1], match[2].lower(), match[3] or ""))
    shown = "; ".join(plan[:6])
    for table in step.get("uses_index_on", []):
        if not any(
            op == "SEARCH"
            and name == table.lower()
            and "AUTOMATIC" not in using
            and ("INDEX" in using or "PRIMARY KEY" in using)
            for op, name, using in parsed
        ):
            return f"the query doesn't look {table} rows up through an index (plan: {shown})"
    for table, columns in step.get("index_columns", {}).items():
        searched = [
            _constrained(using)
            for op, name, using in parsed
            if op == "SEARCH" and name == table.lower() and "AUTOMATIC" not in using
        ]
        if not any({c.lower() for c in columns} <= found for found in searched):
            return (
                f"the query doesn't look {table} rows up through an index on "
                f"({', '.join(columns)}) (plan: {shown})"
            )
    for table in step.get("no_full_scan", []):
        for op, name, using in parsed:
            if name == table.lower() and (op == "SCAN" or "AUTOMATIC" in using):
                return f"the query reads all of {table} (plan: {shown})"
    return ""


def _constrained(using: str) -> set[str]:
    """The columns a SEARCH constrains: `INDEX ix (a=? AND b>?)` -> {"a", "b"}."""
    match = re.search(r"\((.*)\)\s*$", using)
    if not match:
        return set()
    return {
        column.lower()
        for part in match[1].split(" AND ")
        for column in re.findall(r"^\s*([A-Za-z_][A-Za-z0-9_]*)", part)
    }


def _outcome_word(outcome: dict) -> str:
    if outcome.get("ok") is True:
        return "accepted"
    return "refused: " + str(outcome.get("error", ""))


def judge_step(step: dict, outcome: Any, expected: dict, config: dict) -> dict[str, Any]:
    """One step's verdict: {"passed", "detail"} and, for a query, the table it returned."""
    kind = step_type(step)
    if not isinstance(outcome, dict):
        return {"passed": False, "detail": "not run"}
    if kind == "accept":
        passed = outcome.get("ok") is True
        return {"passed": passed, "detail": _outcome_word(outcome)}
    if kind == "reject":
        if outcome.get("ok") is True:
            return {"passed": False, "detail": "accepted, but it must be refused"}
        got = outcome.get("constraint")
        if got not in CONSTRAINTS:
            return {
                "passed": False,
                "detail": "failed, but not by a constraint: " + str(outcome.get("error", "")),
            }
        want = step.get("violates")
        if want and got != want:
            return {
                "passed": False,
                "detail": f"refused by {CONSTRAINT_WORDS[got]}; it must be refused by "
                f"{CONSTRAINT_WORDS[want]}: {outcome.get('error', '')}",
            }
        return {"passed": True, "detail": "refused: " + str(outcome.get("error", ""))}
    if "error" in outcome:
        return {"passed": False, "detail": "the query failed: " + str(outcome["error"])}
    table = outcome.get("table")
    result: dict[str, Any] = {"passed": True, "detail": "", "actual": table}
    want = expected.get(step.get("name"))
    if want is not None:
        equal, feedback = compare_tables(
            want,
            table,
            {
                "order_matters": bool(step.get("ordered")),
                "check_column_names": True,
                "float_tolerance": config.get("float_tolerance", 1e-6),
            },
        )
        if not equal:
            result.update(passed=False, diff=feedback, detail=_diff_words(feedback))
            return result
    if plan_checked(step):
        problem = plan_problem(step, outcome.get("plan"))
        if problem:
            result.update(passed=False, detail=problem)
            return result
        result["detail"] = "the plan uses the index"
    return result


def _diff_words(feedback: dict) -> str:
    if "columns" in feedback and "missing_count" not in feedback:
        return str(feedback["columns"])
    if feedback.get("order"):
        return str(feedback["order"])
    return (
        f"{feedback.get('missing_count', 0)} row(s) missing, {feedback.get('extra_count', 0)} extra"
    )


def judge_case(case: TestCase, actual: Any, config: dict) -> tuple[bool, list[dict[str, Any]]]:
    """(passed, one verdict per step) for a case's outcomes."""
    steps = case.input.get("steps", [])
    outcomes = actual.get("steps") if isinstance(actual, dict) else None
    if not isinstance(outcomes, list) or len(outcomes) != len(steps):
        return False, [{"passed": False, "detail": "not run"} for _ in steps]
    expected = case.expected if isinstance(case.expected, dict) else {}
    verdicts = [
        judge_step(step, outcome, expected, config)
        for step, outcome in zip(steps, outcomes, strict=True)
    ]
    return all(verdict["passed"] for verdict in verdicts), verdicts


def run_spec(
    *, version: ChallengeVersion, code: str, cases: list[TestCase], audience: str = CANDIDATE
) -> RunSpec:
    config = version.config
    return case_run_spec(
        code=code, mode=Mode.SCHEMA_CASES, config=config, cases=cases, audience=audience
    )


def _row(
    case: TestCase, status: str, passed: bool, output, verdicts, *, show_all: bool = False
) -> dict[str, Any]:
    row = base_row(case, status, passed, output)
    if show_all or not is_hidden(case):
        steps = case.input.get("steps", [])
        row.update(
            kind="schema",
            input=case.input,
            expected=case.expected,
            steps=[
                {
                    "type": step_type(step),
                    "sql": step.get(step_type(step) or "", ""),
                    "note": step.get("note", ""),
                    "name": step.get("name", ""),
                    "violates": step.get("violates", ""),
                    "expected": (case.expected or {}).get(step.get("name"))
                    if step_type(step) == "query"
                    else None,
                    **(verdicts[number] if verdicts else {"passed": False, "detail": "not run"}),
                }
                for number, step in enumerate(steps)
            ],
        )
    return row


def grade(
    *, version: ChallengeVersion, code: str, cases: list[TestCase], audience: str = CANDIDATE
) -> Grade:
    def judge(case: TestCase, output) -> tuple[bool, list[dict[str, Any]]]:
        return judge_case(case, output.actual, version.config)

    def row(case: TestCase, status: str, passed: bool, output, verdicts) -> dict[str, Any]:
        # An author validating their own challenge sees every step of every case.
        return _row(case, status, passed, output, verdicts, show_all=audience == AUTHOR)

    result = run(run_spec(version=version, code=code, cases=cases, audience=audience))
    return grade_outputs(result, cases, judge=judge, row=row, keep_output=False, audience=audience)


class SchemaKind(Kind):
    name = "schema"
    label = "Data modelling"
    page_templates = frozenset({"example", "extras", "card"})
    source_extension = "sql"
    editor_language = "sql"
    editor_label = "Your schema (SQL DDL, SQLite dialect)"
    config_keys = frozenset({"float_tolerance", "time_limit_s", "memory_mb"})

    def case_columns(self, *, config: dict, paths: Collection[str]) -> list[CaseColumn]:
        """A case's steps and the expected table of each named query."""
        return case_columns_around(
            [
                CaseColumn(
                    "input.steps",
                    "Steps",
                    "json",
                    'A list of {"accept": SQL}, {"reject": SQL} or {"query": SQL, "name": ...}.',
                    default=[],
                ),
                CaseColumn(
                    "expected",
                    "Expected results",
                    "json",
                    'Query name -> {"columns": [...], "rows": [[...]]}.',
                    default={},
                ),
            ]
        )

    def case_problems(self, index: int, case, config: dict, assets: dict) -> list[str]:
        return case_problems(index, case)

    def grade(self, *, version, code, answers, cases, audience) -> Grade:
        return grade(version=version, code=code, cases=cases, audience=audience)


KIND = SchemaKind()
