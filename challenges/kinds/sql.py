"""SQL challenges: the candidate's query runs against each case's database in the sandbox;
the worker compares result tables outside, with a missing/extra row diff as feedback."""

from __future__ import annotations

import json
import logging
import math
from collections import Counter
from pathlib import Path
from typing import Any

from challenges import package_content as limits
from challenges.grading import Grade, SandboxFailure
from challenges.kinds.base import Kind
from challenges.kinds.scoring import AUTHOR, CANDIDATE, base_row, grade_outputs, is_hidden
from challenges.models import ChallengeVersion, TestCase
from challenges.packages import MANIFEST, SHARED_DATASETS, SLUG_RE, ChallengePackage, read_text
from challenges.sql_schema import (
    SchemaUnavailable,
    describe_dataset_isolated,
    schema_from_result,
)
from runner.facade import CaseInput, Mode, RunSpec, Status, limits_for, run

logger = logging.getLogger(__name__)

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


def dataset_assets(folder: Path, config: dict, problems: list[str]) -> dict[str, str]:
    """The dataset an SQL challenge runs on: its own dataset/ folder, or a shared one by name."""
    source = folder / "dataset"
    if not source.is_dir():
        name = config.get("dataset")
        if not isinstance(name, str) or not SLUG_RE.match(name):
            problems.append(
                f"{MANIFEST}: [sql] dataset must name a shared dataset "
                "(challenges/datasets/<name>) when the package has no dataset/ folder"
            )
            return {}
        source = SHARED_DATASETS / name
        if not source.is_dir():
            problems.append(f"{MANIFEST}: [sql] dataset {name!r}: no folder {source}")
            return {}
    paths = sorted(source.rglob("*.sql"))
    if len(paths) > limits.MAX_ASSETS:
        problems.append(f"dataset: at most {limits.MAX_ASSETS} files")
        return {}
    assets = {
        f"dataset/{path.relative_to(source).as_posix()}": read_text(
            path, problems, max_bytes=limits.MAX_ASSET_BYTES
        )
        for path in paths
        if not path.is_symlink()
    }
    problems += [f"dataset: {p}" for p in limits.assets_problems(assets)]
    if "dataset/schema.sql" not in assets:
        problems.append(f"dataset: schema.sql is missing in {source}")
    return assets


def describe_in_sandbox(version: ChallengeVersion) -> list[dict[str, Any]]:
    """The schema panel's description of an SQL version's visible dataset, computed in the
    sandbox; raises SchemaUnavailable with the reason."""
    config = version.config
    result = run(
        RunSpec(
            source="-- describe",
            mode=Mode.SQL_DESCRIBE,
            cases=(
                CaseInput(
                    id="dataset",
                    input={
                        "schema": version.assets.get("dataset/schema.sql", ""),
                        "data": version.assets.get("dataset/seed.sql", ""),
                    },
                ),
            ),
            limits=limits_for(
                time_limit_s=config.get("time_limit_s"), memory_mb=config.get("memory_mb")
            ),
        )
    )
    if result.status == Status.SANDBOX_ERROR:
        raise SandboxFailure(result.message)
    case = result.cases[0] if result.cases else None
    if result.status != Status.OK or case is None or case.status != Status.OK:
        why = (case.error if case else "") or result.message or str(result.status)
        status = case.status if case else result.status
        raise SchemaUnavailable(f"{status}: {why}"[:500])
    return schema_from_result(case.actual)


def describe_trusted(package: ChallengePackage) -> list[dict] | None:
    """Repository content an operator installs: described in a capped child process."""
    try:
        return describe_dataset_isolated(
            package.assets.get("dataset/schema.sql", ""), package.assets.get("dataset/seed.sql", "")
        )
    except SchemaUnavailable as exc:
        logger.warning("%s: the dataset can't be described: %s", package.slug, exc)
        return None


def _table_problem(expected) -> bool:
    return not (
        isinstance(expected, dict)
        and isinstance(expected.get("columns"), list)
        and all(isinstance(column, str) for column in expected["columns"])
        and isinstance(expected.get("rows"), list)
        and all(isinstance(row, list) for row in expected["rows"])
    )


class SqlKind(Kind):
    name = "sql"
    label = "SQL"
    page_templates = frozenset({"example", "extras", "card"})
    source_extension = "sql"
    editor_language = "sql"
    editor_label = "Your query (SQL, SQLite dialect)"
    config_keys = frozenset(
        {
            "dataset",
            "order_matters",
            "check_column_names",
            "float_tolerance",
            "time_limit_s",
            "memory_mb",
        }
    )

    def package_assets(self, folder: Path, config: dict, problems: list[str]) -> dict[str, str]:
        return dataset_assets(folder, config, problems)

    def case_problems(self, index: int, case, config: dict, assets: dict) -> list[str]:
        where = f"cases.json: case {index}"
        problems = []
        data = case.input.get("data")
        if not isinstance(data, str) or f"dataset/{data}.sql" not in assets:
            problems.append(
                f'{where}: input is {{"data": "<name>"}} naming a dataset file '
                f"(dataset/<name>.sql); got {str(data)[:80]!r}"
            )
        if _table_problem(case.expected):
            problems.append(
                f'{where}: expected is {{"columns": ["name", ...], "rows": [[...], ...]}}'
            )
        return problems

    def grade(self, *, version, code, answers, cases, audience) -> Grade:
        return grade(version=version, code=code, cases=cases, audience=audience)

    def validation_extras(self, version: ChallengeVersion, report) -> bool:
        try:
            report.sql_schema = describe_in_sandbox(version)
        except SchemaUnavailable as exc:
            report.problems.append(f"the dataset can't be described for the schema panel: {exc}")
        except SandboxFailure as exc:
            report.problems.append(f"sandbox error while describing the dataset: {exc}")
            return False
        return True

    def trusted_fields(self, package, existing: ChallengeVersion | None = None) -> dict:
        if existing is not None and existing.sql_schema is not None:
            return {}
        return {"sql_schema": describe_trusted(package)}

    def trusted_problem(self, version: ChallengeVersion) -> str | None:
        if version.sql_schema is None:
            return "the dataset could not be described; the schema panel stays empty"
        return None

    def publish_problem(self, version: ChallengeVersion) -> str | None:
        if version.sql_schema is None:
            return (
                f"version {version.number} has no described dataset for the schema panel; "
                "validate it again"
            )
        return None

    def detail_fields(self, version: ChallengeVersion) -> dict:
        return {"sql_schema": version.sql_schema, "questions": None}

    def page_context(self, version: ChallengeVersion) -> dict:
        schema = version.sql_schema
        return {
            **super().page_context(version),
            "sql_schema": schema,
            # Table -> columns, for the editor's completion.
            "editor_completion": {
                table["name"]: [column["name"] for column in table["columns"]]
                for table in schema or []
            },
        }


KIND = SqlKind()
