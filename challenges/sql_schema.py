"""Describe an SQL challenge's dataset for the schema panel: tables, columns, sample rows.

The dataset's SQL is author content (staff or an employer), run here on the web host in an
in-memory SQLite database that may not attach files, load extensions or run for long.
"""

from __future__ import annotations

import functools
import sqlite3
import time
from typing import Any

SAMPLE_ROWS = 5
TIME_BUDGET_S = 2.0
DENIED_ACTIONS = {sqlite3.SQLITE_ATTACH, sqlite3.SQLITE_DETACH}
DENIED_FUNCTIONS = {"load_extension", "readfile", "writefile", "edit", "fts3_tokenizer"}


class SchemaUnavailable(Exception):
    """The dataset could not be described (invalid SQL, forbidden statements, too slow)."""


def _authorizer(action, arg1, arg2, database, trigger):
    if action in DENIED_ACTIONS:
        return sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_FUNCTION and (arg2 or "").lower() in DENIED_FUNCTIONS:
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


@functools.lru_cache(maxsize=256)
def describe_dataset(schema_sql: str, seed_sql: str) -> list[dict[str, Any]]:
    """[{name, columns: [{name, type, primary_key, nullable}], row_count, sample_rows}]."""
    connection = sqlite3.connect(":memory:")
    deadline = time.monotonic() + TIME_BUDGET_S
    connection.set_authorizer(_authorizer)
    connection.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)
    try:
        connection.executescript(schema_sql + "\n" + seed_sql)
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_schema WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        described = []
        for table in tables:
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
                    "sample_rows": [list(row) for row in cursor.fetchall()],
                }
            )
        return described
    except sqlite3.Error as exc:
        raise SchemaUnavailable(str(exc)) from exc
    finally:
        connection.close()
