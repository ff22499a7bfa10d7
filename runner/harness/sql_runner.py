"""Child side of the harness for SQL: one in-memory SQLite database per case.

Reads a request line {"source_path", "case_time_s", "describe", "dml"} on stdin, says "ready"
on fd 3, then reads one case per line, each case's input {"schema": sql, "data": sql} (DML
mode: also "check", the author's SELECT; a custom run: also "setup", the candidate's own
INSERT/UPDATE/DELETE statements applied to the dataset first), and answers it before the next
is sent. It builds the
database from the challenge's own SQL, then runs the candidate's single query under an
authorizer that allows reading only (no ATTACH, no PRAGMA, no writes, no extension loading), a
progress handler that stops runaway queries and a heap limit. In DML mode the candidate's
statements (INSERT, UPDATE, DELETE; several, separated by ";") run in one transaction under an
authorizer that allows those writes and nothing else, then the check query runs read-only and
its result is the case's value. With "describe" (an author's dataset, at validation) it reports
the tables, their columns, row counts and a few sample rows instead: the schema panel candidates
see.
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
# DML mode: row writes too, never on SQLite's own tables (sqlite_schema, sqlite_sequence...).
# Transactions and savepoints are the harness's: the statements of a case run in one it owns.
WRITE_ACTIONS = {sqlite3.SQLITE_INSERT, sqlite3.SQLITE_UPDATE, sqlite3.SQLITE_DELETE}
MAX_STATEMENTS = 50


def emit(payload):
    events.write(json.dumps(payload, ensure_ascii=True, allow_nan=False) + "\n")
    events.flush()


def authorizer(action, arg1, arg2, database, trigger):
    if action not in ALLOWED_ACTIONS:
        return sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_FUNCTION and (arg2 or "").lower() in DENIED_FUNCTIONS:
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


def dml_authorizer(action, arg1, arg2, database, trigger):
    if action in WRITE_ACTIONS:
        if (arg1 or "").lower().startswith("sqlite_") or (database or "main") != "main":
            return sqlite3.SQLITE_DENY
        return sqlite3.SQLITE_OK
    return authorizer(action, arg1, arg2, database, trigger)


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


def split_statements(text):
    """The statements of a script, split on ";" outside quotes and comments (linear in the
    text: a script of 64 KiB of quotes can't make splitting slow). Empty ones are dropped."""
    statements, start, index, length = [], 0, 0, len(text)
    closers = {"'": "'", '"': '"', "`": "`", "[": "]"}
    while index < length:
        char = text[index]
        if char in closers:
            end = text.find(closers[char], index + 1)
            index = length if end < 0 else end + 1
        elif text.startswith("--", index):
            end = text.find("\n", index)
            index = length if end < 0 else end + 1
        elif text.startswith("/*", index):
            end = text.find("*/", index + 2)
            index = length if end < 0 else end + 2
        elif char == ";":
            statements.append(text[start:index])
            start = index = index + 1
        else:
            index += 1
    statements.append(text[start:])
    return [s.strip() for s in statements if has_code(s)]


def has_code(text):
    """Is there anything but blanks and comments in `text`?"""
    return bool(strip_comments(text).strip())


def strip_comments(text):
    kept, index, length = [], 0, len(text)
    while index < length:
        if text.startswith("--", index):
            end = text.find("\n", index)
            index = length if end < 0 else end + 1
        elif text.startswith("/*", index):
            end = text.find("*/", index + 2)
            index = length if end < 0 else end + 2
        elif text[index] in "'\"`[":
            # Quoted text is code, whatever it holds.
            return text
        else:
            kept.append(text[index])
            index += 1
    return "".join(kept)


def connect(budget_s):
    connection = sqlite3.connect(":memory:", isolation_level=None)
    # The heap limit keeps one giant blob or string from taking the container's memory.
    connection.execute(f"PRAGMA hard_heap_limit={HEAP_LIMIT_BYTES}")
    deadline = time.monotonic() + budget_s
    connection.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)
    return connection


def build(connection, case):
    connection.set_authorizer(dataset_authorizer)
    connection.executescript(case["input"]["schema"] + "\n" + case["input"].get("data", ""))


def result_table(cursor, what="the query"):
    if cursor.description is None:
        raise sqlite3.ProgrammingError("the statement returned no result set: write a SELECT")
    columns = [column[0] for column in cursor.description]
    rows = cursor.fetchmany(MAX_ROWS + 1)
    if len(rows) > MAX_ROWS:
        return {"status": "output_limit", "error": f"{what} returned more than {MAX_ROWS} rows"}
    return {
        "status": "ok",
        "actual": {"columns": columns, "rows": [[cell(v) for v in row] for row in rows]},
    }


def run_statements(connection, statements):
    """The candidate's DML, one statement at a time, inside the transaction the caller opened."""
    connection.set_authorizer(dml_authorizer)
    for number, statement in enumerate(statements, start=1):
        try:
            cursor = connection.execute(statement)
            # INSERT ... RETURNING: its rows are the statement's business, not ours; reading
            # them through a bounded loop makes sure the statement ran to its end.
            while cursor.fetchmany(1000):
                pass
        except sqlite3.OperationalError as exc:
            if str(exc) == "interrupted":
                raise
            raise StatementFailed(number, exc) from None
        except (sqlite3.Error, MemoryError) as exc:
            raise StatementFailed(number, exc) from None


class StatementFailed(Exception):
    def __init__(self, number, exc):
        super().__init__(f"statement {number}: {type(exc).__name__}: {exc}")


class SetupFailed(Exception):
    def __init__(self, number, exc):
        super().__init__(f"your input, statement {number}: {type(exc).__name__}: {exc}")


def apply_setup(connection, text):
    """A custom run's input: the candidate's own writes on this copy of the visible dataset,
    under the same authorizer as DML answers (row writes on the main tables, nothing else)."""
    statements = split_statements(text)
    if len(statements) > MAX_STATEMENTS:
        raise SetupFailed(len(statements), ValueError(f"at most {MAX_STATEMENTS} statements"))
    connection.set_authorizer(dml_authorizer)
    for number, statement in enumerate(statements, start=1):
        try:
            cursor = connection.execute(statement)
            while cursor.fetchmany(1000):
                pass
        except sqlite3.OperationalError as exc:
            if str(exc) == "interrupted":
                raise
            raise SetupFailed(number, exc) from None
        except (sqlite3.Error, MemoryError) as exc:
            raise SetupFailed(number, exc) from None


def run_case(query, case, budget_s, statements=None):
    connection = connect(budget_s)
    try:
        build(connection, case)
        setup = case["input"].get("setup")
        if isinstance(setup, str) and setup.strip():
            apply_setup(connection, setup)
            # Back to where build() left it: the harness's own BEGIN below must be allowed.
            connection.set_authorizer(dataset_authorizer)
        if statements is None:
            connection.set_authorizer(authorizer)
            return result_table(connection.execute(query))
        connection.execute("BEGIN")
        run_statements(connection, statements)
        # The author's check query sees the case's data as the statements left it, read-only.
        connection.set_authorizer(authorizer)
        return result_table(connection.execute(case["input"]["check"]), "the check query")
    except (StatementFailed, SetupFailed) as exc:
        return {"status": "runtime_error", "error": str(exc)}
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


def syntax_problem(queries, schema, dml=False):
    """Compile the query (DML: each statement) against the empty schema: a syntax error is
    reported once, up front."""
    connection = sqlite3.connect(":memory:")
    number = 0
    try:
        connection.set_authorizer(dataset_authorizer)
        connection.executescript(schema)
        connection.set_authorizer(dml_authorizer if dml else authorizer)
        for index, query in enumerate(queries, start=1):
            number = index
            connection.execute("EXPLAIN " + query)
    except sqlite3.Error as exc:
        if "syntax error" in str(exc) or "incomplete input" in str(exc):
            where = f"statement {number}: " if dml else ""
            return f"{where}{type(exc).__name__}: {exc}"
    finally:
        connection.close()
    return ""


def read_source(path, dml):
    """(query or None, DML statements or None, load error or None)."""
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    if not dml:
        query = clean_query(text)
        if not query:
            return None, None, "the query is empty"
        if not sqlite3.complete_statement(query + "\n;"):
            return None, None, "the query is incomplete"
        return query, None, None
    statements = split_statements(text)
    if not statements:
        return None, None, "there are no statements"
    if len(statements) > MAX_STATEMENTS:
        return None, None, f"at most {MAX_STATEMENTS} statements"
    for number, statement in enumerate(statements, start=1):
        if not sqlite3.complete_statement(statement + "\n;"):
            return None, None, f"statement {number} is incomplete"
    return None, statements, None


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
    dml = bool(request.get("dml"))
    query, statements, problem = read_source(request["source_path"], dml)
    if problem:
        emit({"event": "load_error", "kind": "syntax_error", "error": problem})
        return
    emit({"event": "ready"})
    checked = False
    for line in feed:
        case = json.loads(line)
        if not checked:
            checked = True
            problem = syntax_problem(statements or [query], case["input"]["schema"], dml)
            if problem:
                emit({"event": "load_error", "kind": "syntax_error", "error": problem})
                return
        started = time.perf_counter()
        result = run_case(query, case, budget, statements)
        result["time_ms"] = int((time.perf_counter() - started) * 1000)
        emit({"event": "result", **result})


sys.stdin = open(os.devnull)  # noqa: SIM115
main()
