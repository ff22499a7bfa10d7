"""Child side of the harness for schema challenges: the candidate's DDL, then the author's steps.

Reads a request line {"source_path", "case_time_s"} on stdin, builds the candidate's schema once
in a scratch database (a syntax error or a schema that doesn't build is a load error, reported
once), says "ready" on fd 3, then reads one case per line, each case's input {"steps": [...]},
and answers it before the next is sent.

Each case gets a fresh in-memory database with `PRAGMA foreign_keys = ON`, the candidate's DDL
under an authorizer that allows creating tables, indexes, views and triggers and inserting
reference rows (no ATTACH, no PRAGMA, no virtual tables, no extension loading), then the steps
in order: `accept`/`reject` statements (writes only) and `query` statements (reading only, with
the query plan when the step asks for a plan check). It reports what happened, never whether it
was right: the expected values stay with the worker.
"""

import json
import os
import sqlite3
import sys
import time

MAX_ROWS = 5000
MAX_PLAN_LINES = 50
MAX_ERROR = 500
MAX_OBJECTS = 200
HEAP_LIMIT_BYTES = 128 * 1024 * 1024
# Tighter than SQLite's defaults: a schema has no business with 2,000 columns or expressions
# nested 1,000 deep, and triggers firing triggers stop early.
SQL_LIMITS = {
    "SQLITE_LIMIT_LENGTH": 1_000_000,
    "SQLITE_LIMIT_SQL_LENGTH": 200_000,
    "SQLITE_LIMIT_COLUMN": 200,
    "SQLITE_LIMIT_EXPR_DEPTH": 100,
    "SQLITE_LIMIT_COMPOUND_SELECT": 50,
    "SQLITE_LIMIT_TRIGGER_DEPTH": 20,
    "SQLITE_LIMIT_ATTACHED": 0,
}
events = os.fdopen(3, "w", buffering=1, encoding="utf-8")
feed = os.fdopen(os.dup(0), "r", encoding="utf-8")
os.dup2(os.open(os.devnull, os.O_RDONLY), 0)

READ_ACTIONS = {
    sqlite3.SQLITE_SELECT,
    sqlite3.SQLITE_READ,
    sqlite3.SQLITE_FUNCTION,
    getattr(sqlite3, "SQLITE_RECURSIVE", 33),
}
WRITE_ACTIONS = READ_ACTIONS | {sqlite3.SQLITE_INSERT, sqlite3.SQLITE_UPDATE, sqlite3.SQLITE_DELETE}
DDL_ACTIONS = WRITE_ACTIONS | {
    sqlite3.SQLITE_CREATE_TABLE,
    sqlite3.SQLITE_CREATE_INDEX,
    sqlite3.SQLITE_CREATE_VIEW,
    sqlite3.SQLITE_CREATE_TRIGGER,
    sqlite3.SQLITE_ALTER_TABLE,
    # SQLite asks for this while it fills a new index.
    sqlite3.SQLITE_REINDEX,
    sqlite3.SQLITE_TRANSACTION,
    sqlite3.SQLITE_SAVEPOINT,
}
CREATE_ACTIONS = {
    sqlite3.SQLITE_CREATE_TABLE,
    sqlite3.SQLITE_CREATE_INDEX,
    sqlite3.SQLITE_CREATE_VIEW,
    sqlite3.SQLITE_CREATE_TRIGGER,
}
DENIED_FUNCTIONS = {"load_extension", "readfile", "writefile", "edit", "fts3_tokenizer"}
CONSTRAINT_CLASSES = {
    "SQLITE_CONSTRAINT_NOTNULL": "not_null",
    "SQLITE_CONSTRAINT_UNIQUE": "unique",
    "SQLITE_CONSTRAINT_PRIMARYKEY": "unique",
    "SQLITE_CONSTRAINT_ROWID": "unique",
    "SQLITE_CONSTRAINT_CHECK": "check",
    "SQLITE_CONSTRAINT_FOREIGNKEY": "foreign_key",
    "SQLITE_CONSTRAINT_TRIGGER": "trigger",
    "SQLITE_CONSTRAINT_DATATYPE": "datatype",
}
MESSAGE_CLASSES = (
    ("NOT NULL constraint failed", "not_null"),
    ("UNIQUE constraint failed", "unique"),
    ("CHECK constraint failed", "check"),
    ("FOREIGN KEY constraint failed", "foreign_key"),
    ("cannot store", "datatype"),
)


class Interrupted(Exception):
    """The case ran past its time."""


def emit(payload):
    events.write(json.dumps(payload, ensure_ascii=True, allow_nan=False) + "\n")
    events.flush()


def allowing(actions):
    def authorizer(action, arg1, arg2, database, trigger):
        if action not in actions:
            return sqlite3.SQLITE_DENY
        if action == sqlite3.SQLITE_FUNCTION and (arg2 or "").lower() in DENIED_FUNCTIONS:
            return sqlite3.SQLITE_DENY
        # Only the main database: no TEMP objects that outlive a DROP, no attached files.
        if database not in (None, "main"):
            return sqlite3.SQLITE_DENY
        return sqlite3.SQLITE_OK

    return authorizer


ddl_authorizer = allowing(DDL_ACTIONS)
write_authorizer = allowing(WRITE_ACTIONS)
read_authorizer = allowing(READ_ACTIONS)


def cell(value):
    if isinstance(value, float) and value != value:
        return {"__float__": "nan"}
    if isinstance(value, float) and value in (float("inf"), float("-inf")):
        return {"__float__": repr(value)}
    if isinstance(value, bytes):
        return {"__bytes__": value.hex()[:2000]}
    return value


def clip(text):
    return text if len(text) <= MAX_ERROR else text[: MAX_ERROR - 1] + "…"


def described(exc):
    return clip(f"{type(exc).__name__}: {exc}")


def constraint_class(exc):
    """The constraint an IntegrityError names (not_null, unique, check, foreign_key, trigger,
    datatype), or None for any other error."""
    if not isinstance(exc, sqlite3.IntegrityError):
        return None
    name = getattr(exc, "sqlite_errorname", "")
    if name in CONSTRAINT_CLASSES:
        return CONSTRAINT_CLASSES[name]
    for prefix, kind in MESSAGE_CLASSES:
        if str(exc).startswith(prefix):
            return kind
    return "trigger"


def connect(budget_s):
    # Autocommit: each step is its own transaction, so a deferred foreign key is checked when
    # its statement ends, like any other constraint.
    connection = sqlite3.connect(":memory:", isolation_level=None)
    for name, value in SQL_LIMITS.items():
        if hasattr(sqlite3, name):
            connection.setlimit(getattr(sqlite3, name), value)
    # The heap limit keeps one giant blob or string from taking the container's memory; set
    # before the candidate's DDL, which may not run PRAGMA itself.
    connection.execute(f"PRAGMA hard_heap_limit={HEAP_LIMIT_BYTES}")
    connection.execute("PRAGMA foreign_keys = ON")
    deadline = time.monotonic() + budget_s
    connection.set_progress_handler(lambda: int(time.monotonic() > deadline), 1_000)
    return connection


def build(connection, ddl):
    """Apply the candidate's DDL; raises sqlite3.Error, or ValueError for too many objects."""
    created = [0]

    def authorizer(action, arg1, arg2, database, trigger):
        # Counted as they are created, so thousands of tables stop at the cap, not the clock.
        if action in CREATE_ACTIONS:
            created[0] += 1
            if created[0] > MAX_OBJECTS:
                return sqlite3.SQLITE_DENY
        return ddl_authorizer(action, arg1, arg2, database, trigger)

    connection.set_authorizer(authorizer)
    try:
        connection.executescript(ddl)
    except sqlite3.DatabaseError:
        if created[0] > MAX_OBJECTS:
            raise ValueError(
                f"more than {MAX_OBJECTS} tables, indexes, views and triggers"
            ) from None
        raise
    if connection.in_transaction:
        connection.execute("COMMIT")
    connection.set_authorizer(read_authorizer)


def interrupted(exc):
    return isinstance(exc, sqlite3.OperationalError) and str(exc) == "interrupted"


def write_step(connection, sql):
    connection.set_authorizer(write_authorizer)
    try:
        connection.execute(sql)
    except sqlite3.Error as exc:
        if interrupted(exc):
            raise Interrupted from None
        return {"ok": False, "error": described(exc), "constraint": constraint_class(exc)}
    return {"ok": True}


def query_step(connection, step):
    connection.set_authorizer(read_authorizer)
    outcome = {}
    try:
        cursor = connection.execute(step["query"])
        if cursor.description is None:
            return {"error": "the statement returned no result set"}
        columns = [column[0] for column in cursor.description]
        rows = cursor.fetchmany(MAX_ROWS + 1)
        if len(rows) > MAX_ROWS:
            return {"error": f"the query returned more than {MAX_ROWS} rows"}
        outcome["table"] = {"columns": columns, "rows": [[cell(v) for v in row] for row in rows]}
        if step.get("uses_index_on") or step.get("no_full_scan") or step.get("index_columns"):
            plan = connection.execute("EXPLAIN QUERY PLAN " + step["query"]).fetchall()
            outcome["plan"] = [clip(str(row[-1])) for row in plan[:MAX_PLAN_LINES]]
    except sqlite3.Error as exc:
        if interrupted(exc):
            raise Interrupted from None
        return {"error": described(exc)}
    return outcome


def run_step(connection, step):
    if not isinstance(step, dict):
        return {"error": "not a step"}
    if isinstance(step.get("accept"), str):
        return write_step(connection, step["accept"])
    if isinstance(step.get("reject"), str):
        return write_step(connection, step["reject"])
    if isinstance(step.get("query"), str):
        return query_step(connection, step)
    return {"error": "not a step"}


def run_case(ddl, case, budget_s):
    connection = connect(budget_s)
    try:
        build(connection, ddl)
        steps = case["input"].get("steps")
        outcomes = [
            run_step(connection, step) for step in (steps if isinstance(steps, list) else [])
        ]
        return {"status": "ok", "actual": {"steps": outcomes}}
    except Interrupted:
        return {"status": "timeout", "error": f"the case ran longer than {budget_s:g} s"}
    except sqlite3.Error as exc:
        if interrupted(exc):
            return {"status": "timeout", "error": f"the schema took longer than {budget_s:g} s"}
        return {"status": "runtime_error", "error": described(exc)}
    except (ValueError, MemoryError) as exc:
        return {"status": "runtime_error", "error": described(exc)}
    finally:
        connection.close()


def load_problem(ddl, budget_s):
    """(kind, message) when the DDL doesn't build on an empty database, else None."""
    if not ddl.strip():
        return "syntax_error", "the schema is empty: write CREATE TABLE statements"
    connection = connect(budget_s)
    try:
        build(connection, ddl)
    except sqlite3.Error as exc:
        if "syntax error" in str(exc) or "incomplete input" in str(exc):
            return "syntax_error", described(exc)
        if interrupted(exc):
            return "timeout", f"the schema took longer than {budget_s:g} s to build"
        return "runtime_error", "the schema doesn't build: " + described(exc)
    except (ValueError, MemoryError) as exc:
        return "runtime_error", "the schema doesn't build: " + described(exc)
    finally:
        connection.close()
    return None


def main():
    request = json.loads(feed.readline())
    # Leave the harness's own per-case clock a margin: the case reports its timeout first.
    budget = float(request.get("case_time_s", 2)) * 0.8
    with open(request["source_path"], encoding="utf-8") as handle:
        ddl = handle.read()
    problem = load_problem(ddl, budget)
    if problem:
        emit({"event": "load_error", "kind": problem[0], "error": problem[1]})
        return
    emit({"event": "ready"})
    for line in feed:
        case = json.loads(line)
        started = time.perf_counter()
        result = run_case(ddl, case, budget)
        result["time_ms"] = int((time.perf_counter() - started) * 1000)
        emit({"event": "result", **result})


sys.stdin = open(os.devnull)  # noqa: SIM115
main()
