"""Child side of the harness for SQL: one in-memory SQLite database per case.

Reads a request line {"source_path", "case_time_s", "describe"} on stdin, says "ready" on
fd 3, then reads one case per line, each case's input {"schema": sql, "data": sql}, and
answers it before the next is sent. It builds the database from the challenge's own SQL, then
runs the candidate's single query under an authorizer that allows reading only (no ATTACH, no
PRAGMA, no writes, no extension loading), a progress handler that stops runaway queries and a
heap limit. With "describe" (an author's dataset, at validation) it reports the tables, their
columns, row counts and a few sample rows instead: the schema panel candidates see.
"""

import json
import math
import os
import sqlite3
import sys
import time

MAX_ROWS = 5000
SAMPLE_ROWS = 5
HEAP_LIMIT_BYTES = 128 * 1024 * 1024
events = os.fdopen(3, "w", buffering=1, encoding="utf-8")
feed = os.fdopen(os.dup(0), "r", encoding="utf-8")
os.dup2(os.open(os.devnull, os.O_RDONLY), 0)

ALLOWED_ACTIONS = {
    sqlite3.SQLITE_SELECT,
    sqlite3.SQLITE_READ,
    sqlite3.SQLITE_FUNCTION,
    getattr(sqlite3, "SQLITE_RECURSIVE", 33),
}
DENIED_FUNCTIONS = {"load_extension", "readfile", "writefile", "edit", "fts3_tokenizer"}
DATASET_DENIED_ACTIONS = {sqlite3.SQLITE_ATTACH, sqlite3.SQLITE_DETACH}


def emit(payload):
    events.write(json.dumps(payload, ensure_ascii=True, allow_nan=False) + "\n")
    events.flush()


def authorizer(action, arg1, arg2, database, trigger):
    if action not in ALLOWED_ACTIONS:
        return sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_FUNCTION and (arg2 or "").lower() in DENIED_FUNCTIONS:
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


def dataset_authorizer(action, arg1, arg2, database, trigger):
    """The challenge's own schema and data may create and fill tables, nothing more."""
    if action in DATASET_DENIED_ACTIONS:
        return sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_FUNCTION and (arg2 or "").lower() in DENIED_FUNCTIONS:
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


def cell(value):
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return {"__float__": repr(value)}
    if isinstance(value, bytes):
        return {"__bytes__": value.hex()}
    return value


def clean_query(text):
    query = text.strip()
    while query.endswith(";"):
        query = query[:-1].rstrip()
    return query


def connect(budget_s):
    connection = sqlite3.connect(":memory:")
    # The heap limit keeps one giant blob or string from taking the container's memory.
    connection.execute(f"PRAGMA hard_heap_limit={HEAP_LIMIT_BYTES}")
    deadline = time.monotonic() + budget_s
    connection.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)
    return connection


def build(connection, case):
    connection.set_authorizer(dataset_authorizer)
    connection.executescript(case["input"]["schema"] + "\n" + case["input"].get("data", ""))


def run_case(query, case, budget_s):
    connection = connect(budget_s)
    try:
        build(connection, case)
        connection.set_authorizer(authorizer)
        cursor = connection.execute(query)
        if cursor.description is None:
            raise sqlite3.ProgrammingError("the statement returned no result set: write a SELECT")
        columns = [column[0] for column in cursor.description]
        rows = cursor.fetchmany(MAX_ROWS + 1)
        if len(rows) > MAX_ROWS:
            return {
                "status": "output_limit",
                "error": f"the query returned more than {MAX_ROWS} rows",
            }
        return {
            "status": "ok",
            "actual": {"columns": columns, "rows": [[cell(v) for v in row] for row in rows]},
        }
    except sqlite3.OperationalError as exc:
        if str(exc) == "interrupted":
            return {"status": "timeout", "error": f"the query ran longer than {budget_s:g} s"}
        return {"status": "runtime_error", "error": f"{type(exc).__name__}: {exc}"}
    except (sqlite3.Error, MemoryError) as exc:
        return {"status": "runtime_error", "error": f"{type(exc).__name__}: {exc}"}
    finally:
        connection.close()


def describe(case, budget_s):
    """The dataset's tables: [{name, columns: [{name, type, primary_key, nullable}], row_count,
    sample_rows}]."""
    connection = connect(budget_s)
    try:
        build(connection, case)
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
            sample = connection.execute(f"SELECT * FROM {quoted} LIMIT {SAMPLE_ROWS}")  # noqa: S608 (quoted identifier)
            described.append(
                {
                    "name": table,
                    "columns": columns,
                    "row_count": connection.execute(f"SELECT count(*) FROM {quoted}").fetchone()[0],  # noqa: S608
                    "sample_rows": [[cell(v) for v in row] for row in sample.fetchall()],
                }
            )
        return {"status": "ok", "actual": described}
    except sqlite3.OperationalError as exc:
        if str(exc) == "interrupted":
            return {"status": "timeout", "error": f"the dataset took longer than {budget_s:g} s"}
        return {"status": "runtime_error", "error": f"{type(exc).__name__}: {exc}"}
    except (sqlite3.Error, MemoryError) as exc:
        return {"status": "runtime_error", "error": f"{type(exc).__name__}: {exc}"}
    finally:
        connection.close()


def syntax_problem(query, schema):
    """Compile the query against the empty schema: a syntax error is reported once, up front."""
    connection = sqlite3.connect(":memory:")
    try:
        connection.set_authorizer(dataset_authorizer)
        connection.executescript(schema)
        connection.set_authorizer(authorizer)
        connection.execute("EXPLAIN " + query)
    except sqlite3.Error as exc:
        if "syntax error" in str(exc) or "incomplete input" in str(exc):
            return f"{type(exc).__name__}: {exc}"
    finally:
        connection.close()
    return ""


def main():
    request = json.loads(feed.readline())
    # Leave the harness's own per-case clock a margin: the query reports its timeout first.
    budget = float(request.get("case_time_s", 2)) * 0.8
    if request.get("describe"):
        emit({"event": "ready"})
        for line in feed:
            case = json.loads(line)
            started = time.perf_counter()
            result = describe(case, budget)
            result["time_ms"] = int((time.perf_counter() - started) * 1000)
            emit({"event": "result", **result})
        return
    with open(request["source_path"], encoding="utf-8") as handle:
        query = clean_query(handle.read())
    if not query:
        emit({"event": "load_error", "kind": "syntax_error", "error": "the query is empty"})
        return
    if not sqlite3.complete_statement(query + ";"):
        emit({"event": "load_error", "kind": "syntax_error", "error": "the query is incomplete"})
        return
    emit({"event": "ready"})
    checked = False
    for line in feed:
        case = json.loads(line)
        if not checked:
            checked = True
            problem = syntax_problem(query, case["input"]["schema"])
            if problem:
                emit({"event": "load_error", "kind": "syntax_error", "error": problem})
                return
        started = time.perf_counter()
        result = run_case(query, case, budget)
        result["time_ms"] = int((time.perf_counter() - started) * 1000)
        emit({"event": "result", **result})


sys.stdin = open(os.devnull)  # noqa: SIM115
main()
