"""Child side of the harness for SQL: one in-memory SQLite database per case.

Reads {"source_path", "cases"} on stdin, each case's input {"schema": sql, "data": sql};
builds the database from the challenge's own SQL, then runs the candidate's single query
under an authorizer that allows reading only (no ATTACH, no PRAGMA, no writes, no extension
loading) and a progress handler that stops runaway queries. Writes events on fd 3 like
case_runner: start, result with {"columns", "rows"}, load_error.
"""

import json
import math
import os
import sqlite3
import sys
import time

MAX_ROWS = 5000
events = os.fdopen(3, "w", buffering=1, encoding="utf-8")

ALLOWED_ACTIONS = {
    sqlite3.SQLITE_SELECT,
    sqlite3.SQLITE_READ,
    sqlite3.SQLITE_FUNCTION,
    getattr(sqlite3, "SQLITE_RECURSIVE", 33),
}
DENIED_FUNCTIONS = {"load_extension", "readfile", "writefile", "edit", "fts3_tokenizer"}


def emit(payload):
    events.write(json.dumps(payload, ensure_ascii=True, allow_nan=False) + "\n")
    events.flush()


def authorizer(action, arg1, arg2, database, trigger):
    if action not in ALLOWED_ACTIONS:
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


def run_case(query, case, budget_s):
    connection = sqlite3.connect(":memory:")
    try:
        connection.executescript(case["input"]["schema"] + "\n" + case["input"].get("data", ""))
        connection.set_authorizer(authorizer)
        deadline = time.monotonic() + budget_s
        connection.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)
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
    except sqlite3.Error as exc:
        return {"status": "runtime_error", "error": f"{type(exc).__name__}: {exc}"}
    finally:
        connection.close()


def syntax_problem(query, schema):
    """Compile the query against the empty schema: a syntax error is reported once, up front."""
    connection = sqlite3.connect(":memory:")
    try:
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
    request = json.loads(sys.stdin.read())
    with open(request["source_path"], encoding="utf-8") as handle:
        query = clean_query(handle.read())
    if not query:
        emit({"event": "load_error", "kind": "syntax_error", "error": "the query is empty"})
        return
    if not sqlite3.complete_statement(query + ";"):
        emit({"event": "load_error", "kind": "syntax_error", "error": "the query is incomplete"})
        return
    # Leave the harness's own per-case clock a margin: the query reports its timeout first.
    budget = float(request.get("case_time_s", 2)) * 0.8
    if request["cases"]:
        problem = syntax_problem(query, request["cases"][0]["input"]["schema"])
        if problem:
            emit({"event": "load_error", "kind": "syntax_error", "error": problem})
            return
    for case in request["cases"]:
        emit({"event": "start", "id": case["id"]})
        started = time.perf_counter()
        result = run_case(query, case, budget)
        result["time_ms"] = int((time.perf_counter() - started) * 1000)
        emit({"event": "result", **result})


main()
