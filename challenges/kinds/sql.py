"""SQL challenges: the candidate's query runs against each case's database in the sandbox;
the worker compares result tables outside, with a missing/extra row diff as feedback.

`[sql] mode = "dml"`: the candidate writes INSERT/UPDATE/DELETE statements instead, and each
case's check query (the author's single SELECT, `input.check`) reads the data they left; its
result is compared like a query's. `[sql] order_by`: the rows must be the expected ones in any
order that is sorted by the given columns (ties in any order).
"""

from __future__ import annotations

import copy
import hashlib
import json
import logging
import math
from collections import Counter
from collections.abc import Collection
from pathlib import Path
from typing import Any

from challenges import package_content as limits
from challenges.grading import Grade, SandboxFailure
from challenges.kinds import custom_runs
from challenges.kinds.base import (
    MAX_CUSTOM_INPUT_BYTES,
    NO_CUSTOM_INPUT,
    AnswerRejected,
    CaseColumn,
    Kind,
    case_columns_around,
)
from challenges.kinds.scoring import (
    AUTHOR,
    CANDIDATE,
    base_row,
    case_run_spec,
    grade_outputs,
    is_hidden,
)
from challenges.models import ChallengeVersion, TestCase
from challenges.packages import (
    MANIFEST,
    SHARED_DATASETS,
    SLUG_RE,
    ChallengePackage,
    dataset_reference_ok,
    read_text,
)
from challenges.sql_schema import (
    SchemaUnavailable,
    describe_dataset_isolated,
    schema_from_result,
)
from challenges.sql_text import first_keyword, split_statements
from runner.facade import CaseInput, Mode, RunSpec, Status, limits_for, run

logger = logging.getLogger(__name__)

DIFF_ROWS_SHOWN = 20
MODES = ("query", "dml")
MAX_ORDER_BY = 8
MAX_COLUMN_CHARS = 64
MAX_CHECK_CHARS = 10_000
# A custom run's input: the candidate's own writes on a copy of the visible example's dataset.
MAX_CUSTOM_STATEMENTS = 50
CUSTOM_KEYWORDS = ("INSERT", "UPDATE", "DELETE", "REPLACE")


def is_dml(config: dict) -> bool:
    return config.get("mode") == "dml"


def case_input(version: ChallengeVersion, case: TestCase) -> dict[str, str]:
    """What enters the sandbox for a case: the schema, its data file and (DML) the author's
    check query. Never the expected table."""
    sent = {
        "schema": version.assets.get("dataset/schema.sql", ""),
        "data": version.assets.get(f"dataset/{case.input['data']}.sql", ""),
    }
    if is_dml(version.config):
        sent["check"] = case.input["check"]
    return sent


def run_spec(
    *, version: ChallengeVersion, code: str, cases: list[TestCase], audience: str = CANDIDATE
) -> RunSpec:
    config = version.config
    return case_run_spec(
        code=code,
        mode=Mode.SQL_DML_CASES if is_dml(config) else Mode.SQL_CASES,
        config=config,
        cases=cases,
        audience=audience,
        case_input=lambda case: case_input(version, case),
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


def _rank(value: Any) -> int:
    """SQLite's order of storage classes: NULL, numbers, text, then anything else."""
    if value is None:
        return 0
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return 1
    if isinstance(value, str):
        return 2
    return 3


def _compare_cells(a: Any, b: Any, tolerance: float) -> int:
    """-1, 0 or 1 as SQLite's default ORDER BY sorts a and b (numbers within the tolerance tie)."""
    rank_a, rank_b = _rank(a), _rank(b)
    if rank_a != rank_b:
        return -1 if rank_a < rank_b else 1
    if rank_a == 0:
        return 0
    if rank_a == 1:
        if _cells_equal(a, b, tolerance):
            return 0
        return -1 if a < b else 1
    if rank_a == 3:
        a, b = json.dumps(a, sort_keys=True), json.dumps(b, sort_keys=True)
    return 0 if a == b else (-1 if a < b else 1)


def _order_by_text(order_by: list[dict]) -> str:
    return ", ".join(f"{item['column']}{' DESC' if item.get('desc') else ''}" for item in order_by)


def order_by_problem(actual: dict, order_by: list[dict], tolerance: float) -> str | None:
    """Why `actual`'s rows are not sorted by `order_by` (the first pair out of order), or
    None. A column the result lacks is a problem too: only a run can tell."""
    names = [column.lower() for column in actual["columns"]]
    keys = []
    for item in order_by:
        name = str(item.get("column", "")).lower()
        if name not in names:
            return (
                f"order_by names the column {item.get('column')!r}, which the result does not "
                f"have (its columns: {', '.join(actual['columns'][:20])})"
            )
        keys.append((names.index(name), bool(item.get("desc"))))
    rows = actual["rows"]
    for number in range(1, len(rows)):
        before, after = rows[number - 1], rows[number]
        for index, desc in keys:
            a = before[index] if index < len(before) else None
            b = after[index] if index < len(after) else None
            order = _compare_cells(a, b, tolerance)
            if order == 0:
                continue
            if (order > 0) != desc:
                return (
                    f"rows {number} and {number + 1} are not in the order ORDER BY "
                    f"{_order_by_text(order_by)} asks for: {json.dumps(before)[:200]} comes "
                    f"before {json.dumps(after)[:200]}"
                )
            break
    return None


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
    order_by = config.get("order_by")
    if order_by and not config.get("order_matters"):
        problem = order_by_problem(actual, order_by, tolerance)
        if problem:
            feedback["order"] = problem
    return not feedback, feedback


def diff_summary(feedback: dict[str, Any]) -> str:
    """A failed comparison in one line, for the author's validation report."""
    parts = []
    if feedback.get("columns"):
        parts.append(str(feedback["columns"]))
    if feedback.get("missing_count") or feedback.get("extra_count"):
        parts.append(
            f"{feedback.get('missing_count', 0)} rows missing, "
            f"{feedback.get('extra_count', 0)} extra"
        )
    if feedback.get("order"):
        parts.append(str(feedback["order"]))
    return "; ".join(parts)[:1000]


def _row_result(
    case: TestCase, status: str, passed: bool, output, feedback, audience: str = CANDIDATE
) -> dict:
    row = base_row(case, status, passed, output)
    if not is_hidden(case):
        shown_input = {"dataset": case.input["data"]}
        if "check" in case.input:
            shown_input["check"] = case.input["check"]
        row.update(
            input=shown_input,
            expected=case.expected,
            actual=output.actual if output else None,
            diff=feedback or {},
        )
    if audience == AUTHOR and feedback:
        # The author's own case (hidden ones too): why the comparison failed, in words.
        row["error"] = diff_summary(feedback)
    return row


def grade(
    *, version: ChallengeVersion, code: str, cases: list[TestCase], audience: str = CANDIDATE
) -> Grade:
    def judge(case: TestCase, output) -> tuple[bool, dict]:
        return compare_tables(case.expected, output.actual, version.config)

    def row(case: TestCase, status: str, passed: bool, output, feedback) -> dict:
        return _row_result(case, status, passed, output, feedback, audience)

    result = run(run_spec(version=version, code=code, cases=cases, audience=audience))
    return grade_outputs(result, cases, judge=judge, row=row, keep_output=False, audience=audience)


def _example_case(version: ChallengeVersion) -> TestCase | None:
    return version.cases.filter(visibility=TestCase.Visibility.EXAMPLE).order_by("ordinal").first()


def clean_custom_statements(text: str) -> str:
    """The candidate's extra statements: INSERT, UPDATE, DELETE or REPLACE only, read lexically
    here (the sandbox's authorizer enforces it again); raises AnswerRejected."""

    def refuse(message: str) -> AnswerRejected:
        return AnswerRejected("custom_input", message)

    if not isinstance(text, str):
        raise refuse("the input must be text")
    if "\x00" in text:
        raise refuse("the input contains a NUL byte")
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_CUSTOM_INPUT_BYTES:
        raise refuse(f"the input is {size} bytes; the limit is {MAX_CUSTOM_INPUT_BYTES} bytes")
    statements = split_statements(text)
    if len(statements) > MAX_CUSTOM_STATEMENTS:
        raise refuse(f"at most {MAX_CUSTOM_STATEMENTS} statements (found {len(statements)})")
    for number, statement in enumerate(statements, start=1):
        keyword = first_keyword(statement)
        if keyword not in CUSTOM_KEYWORDS:
            raise refuse(
                f"statement {number} starts with {keyword[:30] or 'nothing'!r}: your input may "
                "only change the example's rows (INSERT, UPDATE, DELETE); write your query in "
                "the editor"
            )
    return text


def grade_custom(*, version: ChallengeVersion, code: str, statements: str) -> Grade:
    """The candidate's query (or DML) and the reference's on the visible example's dataset
    after the candidate's own statements."""
    config = version.config
    example = _example_case(version)
    if example is None:
        raise AnswerRejected("custom_input", NO_CUSTOM_INPUT)
    sent = {**case_input(version, example), "setup": statements}
    mine, reference = custom_runs.run_pair(
        code=code,
        reference_code=version.reference_solution,
        mode=Mode.SQL_DML_CASES if is_dml(config) else Mode.SQL_CASES,
        config=config,
        case_input=sent,
    )

    def judge(expected: Any, case) -> tuple[bool, dict]:
        return compare_tables(expected, case.actual, config)

    shown = {"dataset": example.input["data"], "statements": statements}
    return custom_runs.grade_pair(
        mine, reference, shown_input=shown, judge=judge, keep_output=False
    )


def _dataset_folder(
    folder: Path, config: dict, problems: list[str], root: Path
) -> tuple[Path | None, str]:
    """(the dataset folder, how to name it in problems), or (None, "") after a problem.

    The package's own dataset/ first; else `[sql] dataset`: a shared dataset's name
    (challenges/datasets/<name>) or a path relative to the package folder. Whatever it is, it
    must resolve (symbolic links followed) inside the load root or challenges/datasets.
    """
    own = folder / "dataset"
    if own.is_symlink():  # never followed; reported with the package's other files
        return None, ""
    if own.is_dir():
        return own, "dataset"
    where = f"{MANIFEST}: [sql] dataset"
    name = config.get("dataset")
    if not dataset_reference_ok(name):
        problems.append(
            f"{where} must name a shared dataset (challenges/datasets/<name>) or a dataset "
            "folder relative to the package when the package has no dataset/ folder"
        )
        return None, ""
    source = SHARED_DATASETS / name if SLUG_RE.match(name) else folder / name
    resolved = source.resolve()
    allowed = (Path(root).resolve(), SHARED_DATASETS.resolve())
    if not any(resolved.is_relative_to(base) for base in allowed):
        problems.append(
            f"{where} {name!r} resolves outside the folder being loaded and "
            "challenges/datasets; load a folder that holds both the package and the dataset"
        )
        return None, ""
    if not resolved.is_dir():
        problems.append(f"{where} {name!r}: no such dataset folder")
        return None, ""
    return resolved, f"dataset {name!r}"


def dataset_assets(
    folder: Path,
    config: dict,
    problems: list[str],
    *,
    root: Path | None = None,
    warnings: list[str] | None = None,
) -> dict[str, str]:
    """The dataset an SQL challenge runs on, by asset name ("dataset/schema.sql", ...)."""
    warnings = warnings if warnings is not None else []
    source, where = _dataset_folder(folder, config, problems, Path(root or folder))
    if source is None:
        return {}
    paths, ignored = [], []
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source).as_posix()
        if path.is_symlink():
            problems.append(f"{where}: {relative}: a symbolic link; datasets hold plain files")
        elif path.is_file() and path.suffix == ".sql":
            paths.append(path)
        elif path.is_file():
            ignored.append(relative)
    warnings += [f"{where}: {name}: not a .sql file; ignored" for name in ignored[:20]]
    if len(paths) > limits.MAX_ASSETS:
        problems.append(f"{where}: at most {limits.MAX_ASSETS} files")
        return {}
    assets = {
        f"dataset/{path.relative_to(source).as_posix()}": read_text(
            path, problems, max_bytes=limits.MAX_ASSET_BYTES
        )
        for path in paths
    }
    problems += [f"{where}: {p}" for p in limits.assets_problems(assets)]
    if "dataset/schema.sql" not in assets:
        problems.append(f"{where}: schema.sql is missing")
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


# sha256 of (schema, seed) -> its description: the catalogue's SQL packages share a few
# datasets, and loading them describes each once per process, not once per package.
_described: dict[str, list[dict]] = {}


def describe_trusted(package: ChallengePackage) -> list[dict] | None:
    """Repository content an operator installs: described in a capped child process."""
    schema = package.assets.get("dataset/schema.sql", "")
    seed = package.assets.get("dataset/seed.sql", "")
    key = hashlib.sha256(json.dumps([schema, seed]).encode()).hexdigest()
    if key in _described:
        return copy.deepcopy(_described[key])
    try:
        description = describe_dataset_isolated(schema, seed)
    except SchemaUnavailable as exc:  # not remembered: it may be the machine, not the data
        logger.warning("%s: the dataset can't be described: %s", package.slug, exc)
        return None
    _described[key] = copy.deepcopy(description)
    return description


def order_by_config_problems(order_by: Any, where: str) -> list[str]:
    """`order_by` is 1-8 tables {column = "name", desc = true|false}."""
    shape = (
        f'{where} order_by is a list of 1 to {MAX_ORDER_BY} tables like {{column = "cost", '
        "desc = true}"
    )
    if not isinstance(order_by, list) or not 1 <= len(order_by) <= MAX_ORDER_BY:
        return [shape]
    problems = []
    for number, item in enumerate(order_by, start=1):
        if not isinstance(item, dict) or not set(item) <= {"column", "desc"}:
            problems.append(f"{shape}; item {number} is not")
            continue
        column = item.get("column")
        if not isinstance(column, str) or not 1 <= len(column) <= MAX_COLUMN_CHARS:
            problems.append(
                f"{where} order_by item {number}: column is a name of 1 to "
                f"{MAX_COLUMN_CHARS} characters"
            )
        if "desc" in item and not isinstance(item["desc"], bool):
            problems.append(f"{where} order_by item {number}: desc must be true or false")
    return problems


def check_problems(case_input: dict, where: str) -> list[str]:
    """A DML case's check query: one SELECT (or WITH ... SELECT), read lexically here; it runs
    read-only in the sandbox."""
    check = case_input.get("check")
    if "check" not in case_input:
        return [f'{where}: a DML case needs "check", the SELECT that reads what the statements did']
    if not isinstance(check, str) or not check.strip() or len(check) > MAX_CHECK_CHARS:
        return [f"{where}: check must be a SELECT of 1 to {MAX_CHECK_CHARS} characters"]
    statements = split_statements(check)
    if len(statements) != 1:
        return [f"{where}: check must be a single SELECT (found {len(statements)} statements)"]
    if first_keyword(statements[0]) not in ("SELECT", "WITH", "VALUES"):
        return [f"{where}: check must be a single SELECT, not {first_keyword(statements[0])!r}"]
    return []


def _table_problem(expected) -> bool:
    return not (
        isinstance(expected, dict)
        and isinstance(expected.get("columns"), list)
        and all(isinstance(column, str) for column in expected["columns"])
        and isinstance(expected.get("rows"), list)
        and all(isinstance(row, list) for row in expected["rows"])
    )


def dataset_names(config: dict, paths: Collection[str]) -> list[str]:
    """The data files a case may name: the package's own dataset/<name>.sql, else those of the
    shared dataset `[sql] dataset` names (schema.sql is the schema, never a case's data)."""
    files = [path for path in paths if path.startswith("dataset/")]
    if not files:
        name = config.get("dataset")
        folder = SHARED_DATASETS / name if isinstance(name, str) and SLUG_RE.match(name) else None
        if folder is None or not folder.is_dir():
            return []
        files = [f"dataset/{path.relative_to(folder).as_posix()}" for path in folder.rglob("*.sql")]
    names = [path[len("dataset/") : -len(".sql")] for path in files if path.endswith(".sql")]
    return sorted(name for name in names if name != "schema")[: limits.MAX_ASSETS]


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
            "mode",
            "order_by",
        }
    )

    def config_problems(self, config: dict) -> list[str]:
        where = f"{MANIFEST}: [sql]"
        problems = []
        if config.get("mode", "query") not in MODES:
            problems.append(f"{where} mode must be one of {list(MODES)}")
        if "order_by" in config:
            problems += order_by_config_problems(config["order_by"], where)
            if config.get("order_matters"):
                problems.append(
                    f"{where} order_by and order_matters = true can't go together: "
                    "order_matters asks for the exact order, order_by for a sort with ties "
                    "in any order"
                )
        return problems

    def package_entries(self) -> frozenset[str]:
        return super().package_entries() | {"dataset"}

    @property
    def package_help(self) -> list[tuple[str, str]]:
        return [*super().package_help, ("a dataset's file", "dataset/<name>.sql")]

    def package_assets(self, folder, config, problems, *, root=None, warnings=None) -> dict:
        return dataset_assets(folder, config, problems, root=root, warnings=warnings)

    def case_columns(self, *, config: dict, paths: Collection[str]) -> list[CaseColumn]:
        """The dataset a case runs on (a choice among the package's), a DML case's check query
        and the expected table."""
        names = dataset_names(config, paths)
        help_text = "The data file the case loads after schema.sql: dataset/<name>.sql."
        data = (
            CaseColumn(
                "input.data", "Dataset", "select", help_text, options=tuple(names), default=names[0]
            )
            if names
            else CaseColumn("input.data", "Dataset", "text", help_text, default="seed")
        )
        middle = [data]
        if is_dml(config):
            middle.append(
                CaseColumn(
                    "input.check",
                    "Check query",
                    "textarea",
                    "One SELECT that reads what the statements did.",
                    default="",
                )
            )
        middle.append(
            CaseColumn(
                "expected",
                "Expected table",
                "json",
                '{"columns": ["name", ...], "rows": [[...], ...]}',
                default={"columns": [], "rows": []},
            )
        )
        return case_columns_around(middle)

    def case_problems(self, index: int, case, config: dict, assets: dict) -> list[str]:
        where = f"cases.json: case {index}"
        problems = []
        data = case.input.get("data")
        # Without a dataset (its own problem is reported) every case would say so again.
        if assets and (not isinstance(data, str) or f"dataset/{data}.sql" not in assets):
            problems.append(
                f'{where}: input is {{"data": "<name>"}} naming a dataset file '
                f"(dataset/<name>.sql); got {str(data)[:80]!r}"
            )
        if _table_problem(case.expected):
            problems.append(
                f'{where}: expected is {{"columns": ["name", ...], "rows": [[...], ...]}}'
            )
        if is_dml(config):
            problems += check_problems(case.input, where)
        elif "check" in case.input:
            problems.append(f'{where}: "check" is for DML challenges ([sql] mode = "dml")')
        return problems

    def grade(self, *, version, code, answers, cases, audience) -> Grade:
        return grade(version=version, code=code, cases=cases, audience=audience)

    custom_input = True

    def custom_input_for(self, version: ChallengeVersion) -> dict[str, str] | None:
        example = _example_case(version)
        if example is None or not version.reference_solution:
            return None
        return {
            "label": "Statements to run on the example data first (optional)",
            "prefill": "",
            "placeholder": "INSERT INTO table_name (column, ...) VALUES (...);",
            "help": (
                f"INSERT, UPDATE or DELETE statements applied to a copy of the example's "
                f"dataset ({example.input['data']}) before your "
                f"{'statements' if is_dml(version.config) else 'query'} and the reference "
                "solution run; leave it empty to see the rows as they are."
            ),
        }

    def clean_custom_input(self, *, version: ChallengeVersion, text: str) -> str:
        if self.custom_input_for(version) is None:
            raise AnswerRejected("custom_input", NO_CUSTOM_INPUT)
        return clean_custom_statements(text)

    def grade_custom(self, *, version: ChallengeVersion, code: str, custom_input: str) -> Grade:
        statements = self.clean_custom_input(version=version, text=custom_input)
        return grade_custom(version=version, code=code, statements=statements)

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
        context = super().page_context(version)
        if is_dml(version.config):
            context["editor_label"] = "Your statements (SQL, SQLite dialect)"
        return {
            **context,
            "sql_schema": schema,
            # Table -> columns, for the editor's completion.
            "editor_completion": {
                table["name"]: [column["name"] for column in table["columns"]]
                for table in schema or []
            },
        }


KIND = SqlKind()
