"""Describe an SQL challenge's dataset for the schema panel: tables, columns, sample rows.

The description is stored on the version (`ChallengeVersion.sql_schema`) and pages only read
it. An author's dataset is described in the sandbox at validation; repository content an
operator installs (`loadchallenges`) is described by `describe_dataset_isolated`: a separate
Python process with an address-space limit, SQLite's own heap limit and a deadline, so a seed
like `SELECT zeroblob(900000000)` fails there instead of in a web or worker process.
`schema_from_result` checks whatever a description came back as before it is stored.

Run as a script (`python -I sql_schema.py`), it reads {"schema", "seed"} on stdin and prints
{"tables": [...]} or {"error": "..."}: only the standard library, nothing of the project.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from typing import Any

SAMPLE_ROWS = 5
TIME_BUDGET_S = 2.0
PROCESS_TIMEOUT_S = 10.0
MEMORY_LIMIT_BYTES = 512 * 1024 * 1024
SQLITE_HEAP_LIMIT_BYTES = 64 * 1024 * 1024
MAX_TABLES = 64
MAX_COLUMNS = 100
MAX_NAME_CHARS = 128
MAX_CELL_CHARS = 200
MAX_DESCRIPTION_BYTES = 256 * 1024


class SchemaUnavailable(Exception):
    """The dataset could not be described (invalid SQL, forbidden statements, too slow)."""


def describe_dataset(schema_sql: str, seed_sql: str) -> list[dict[str, Any]]:
    """[{name, columns: [{name, type, primary_key, nullable}], row_count, sample_rows}].

    Runs the SQL in this process, with no memory limit: call it only in a disposable process
    (`describe_dataset_isolated` runs it in one, under limits).
    """
    import sqlite3

    denied_actions = {sqlite3.SQLITE_ATTACH, sqlite3.SQLITE_DETACH}
    denied_functions = {"load_extension", "readfile", "writefile", "edit", "fts3_tokenizer"}

    def authorizer(action, arg1, arg2, database, trigger):
        if action in denied_actions:
            return sqlite3.SQLITE_DENY
        if action == sqlite3.SQLITE_FUNCTION and (arg2 or "").lower() in denied_functions:
            return sqlite3.SQLITE_DENY
        return sqlite3.SQLITE_OK

    connection = sqlite3.connect(":memory:")
    deadline = time.monotonic() + TIME_BUDGET_S
    try:
        connection.set_authorizer(authorizer)
        connection.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)
        connection.executescript(schema_sql + "\n" + seed_sql)
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_schema WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        described = []
        for table in tables[:MAX_TABLES]:
            quoted = '"' + table.replace('"', '""') + '"'
            columns = [
                {"name": name, "type": kind, "primary_key": bool(pk), "nullable": not notnull}
                for _, name, kind, notnull, _, pk in connection.execute(
                    f"PRAGMA table_info({quoted})"
                )
            ]
            cursor = connection.execute(f"SELECT * FROM {quoted} LIMIT {SAMPLE_ROWS}")  # noqa: S608 (quoted identifier)
            described.append(
                {
                    "name": table,
                    "columns": columns,
                    "row_count": connection.execute(f"SELECT count(*) FROM {quoted}").fetchone()[0],  # noqa: S608
                    "sample_rows": [[_cell(value) for value in row] for row in cursor.fetchall()],
                }
            )
        return described
    except MemoryError:
        raise SchemaUnavailable("out of memory: the dataset is too large to describe") from None
    except (sqlite3.Error, OverflowError) as exc:
        if time.monotonic() > deadline:
            raise SchemaUnavailable(
                f"describing the dataset took over {TIME_BUDGET_S:g} s"
            ) from exc
        raise SchemaUnavailable(str(exc) or type(exc).__name__) from exc
    finally:
        connection.close()


def _cell(value: Any) -> Any:
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    if isinstance(value, float) and value != value:  # NaN has no JSON form
        return None
    if isinstance(value, str):
        return _text(value, MAX_CELL_CHARS)
    return value


def _text(value: Any, limit: int) -> str:
    text = value if isinstance(value, str) else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _sample_cell(value: Any) -> Any:
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value if abs(value) < 2**63 else _text(value, MAX_CELL_CHARS)
    if isinstance(value, float):
        return value if value == value and abs(value) != float("inf") else None
    return _text(value, MAX_CELL_CHARS)


def schema_from_result(value: Any) -> list[dict[str, Any]]:
    """The description in its stored shape, from any value (the sandbox's or the script's):
    names and cells truncated, counts capped; raises SchemaUnavailable when it is no description.
    """
    if not isinstance(value, list):
        raise SchemaUnavailable("the description is not a list of tables")
    tables = []
    for table in value[:MAX_TABLES]:
        if not isinstance(table, dict) or not isinstance(table.get("columns"), list):
            raise SchemaUnavailable("a table's description is malformed")
        columns = [
            {
                "name": _text(column.get("name", ""), MAX_NAME_CHARS),
                "type": _text(column.get("type", ""), MAX_NAME_CHARS),
                "primary_key": column.get("primary_key") is True,
                "nullable": column.get("nullable") is not False,
            }
            for column in table["columns"][:MAX_COLUMNS]
            if isinstance(column, dict)
        ]
        rows = table.get("sample_rows")
        row_count = table.get("row_count")
        tables.append(
            {
                "name": _text(table.get("name", ""), MAX_NAME_CHARS),
                "columns": columns,
                "row_count": row_count
                if isinstance(row_count, int) and not isinstance(row_count, bool)
                else 0,
                "sample_rows": [
                    [_sample_cell(cell) for cell in row[:MAX_COLUMNS]]
                    for row in (rows if isinstance(rows, list) else [])[:SAMPLE_ROWS]
                    if isinstance(row, list)
                ],
            }
        )
    if len(json.dumps(tables)) > MAX_DESCRIPTION_BYTES:
        raise SchemaUnavailable("the description is too large")
    return tables


def _limit_memory() -> None:
    import resource
    import sqlite3

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT_BYTES, MEMORY_LIMIT_BYTES))
    # SQLite's heap limit is process-wide: this is why the description has a process of its own.
    sqlite3.connect(":memory:").execute(f"PRAGMA hard_heap_limit = {SQLITE_HEAP_LIMIT_BYTES}")


def describe_dataset_isolated(schema_sql: str, seed_sql: str) -> list[dict[str, Any]]:
    """`describe_dataset` in a child process under memory and time limits; raises
    SchemaUnavailable when it fails, runs out of memory or time."""
    request = json.dumps({"schema": schema_sql, "seed": seed_sql})
    try:
        finished = subprocess.run(
            [sys.executable, "-I", __file__],
            input=request,
            capture_output=True,
            text=True,
            timeout=PROCESS_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise SchemaUnavailable(
            f"describing the dataset took over {PROCESS_TIMEOUT_S:g} s"
        ) from None
    try:
        answer = json.loads(finished.stdout)
    except ValueError:
        answer = None
    if not isinstance(answer, dict):
        raise SchemaUnavailable(
            f"describing the dataset failed (exit {finished.returncode}, out of memory?)"
        )
    if "error" in answer:
        raise SchemaUnavailable(_text(answer["error"], 300))
    return schema_from_result(answer.get("tables"))


def _main() -> None:
    _limit_memory()
    try:
        request = json.loads(sys.stdin.read())
        tables = describe_dataset(request["schema"], request["seed"])
        answer: dict[str, Any] = {"tables": tables}
    except SchemaUnavailable as exc:
        answer = {"error": str(exc)}
    except MemoryError:
        answer = {"error": "out of memory"}
    sys.stdout.write(json.dumps(answer, default=str))


if __name__ == "__main__":
    _main()
