"""Attacks through a schema challenge's DDL: reaching outside the in-memory database, turning
the harness's guards off, and schemas built to exhaust time or memory. Each ends as the
candidate's own verdict, in the sandbox, within the case's time."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from challenges import kinds
from challenges.packages import package_from_content, read_package
from challenges.services import challenge_import_package

pytestmark = pytest.mark.docker

PACKAGE = Path(__file__).parents[1] / "challenges" / "packages" / "coupon-redemptions"
SOLUTION = (PACKAGE / "solution.sql").read_text()


@pytest.fixture
def coupons(db):
    return challenge_import_package(package=read_package(PACKAGE)).version


def grade(version, ddl: str):
    return kinds.grade(version=version, code=ddl, cases=version.cases.order_by("ordinal"))


REFUSED_AT_LOAD = {
    "attach a file": "ATTACH DATABASE '/sandbox/loot.db' AS loot;",
    "vacuum into a file": SOLUTION + "\nVACUUM INTO '/sandbox/copy.db';",
    "turn foreign keys off": "PRAGMA foreign_keys = OFF;\n" + SOLUTION,
    "defer foreign keys": "PRAGMA defer_foreign_keys = ON;\n" + SOLUTION,
    "lift the heap limit": "PRAGMA hard_heap_limit = 0;\n" + SOLUTION,
    "write the schema table": "PRAGMA writable_schema = ON;\n" + SOLUTION,
    "load an extension": "SELECT load_extension('/sandbox/evil.so');\n" + SOLUTION,
    "a temp trigger": SOLUTION + "\nCREATE TEMP TRIGGER spy AFTER INSERT ON coupons "
    "BEGIN SELECT 1; END;",
    "a virtual table": "CREATE VIRTUAL TABLE coupons USING fts5(code, percent);",
    "drop and recreate": SOLUTION + "\nDROP TABLE redemptions;",
}


@pytest.mark.parametrize("ddl", REFUSED_AT_LOAD.values(), ids=REFUSED_AT_LOAD.keys())
def test_statements_outside_ddl_are_refused_when_the_schema_loads(coupons, ddl):
    result = grade(coupons, ddl)
    assert result.verdict == "runtime_error"
    assert result.message.startswith("the schema doesn't build: ")
    # "not authorized" from the authorizer, "authorization denied" for VACUUM INTO.
    assert "authoriz" in result.message
    assert {row["status"] for row in result.cases} == {"not_run"}


def test_an_extension_hidden_in_the_schema_is_never_loaded(coupons):
    # A CHECK's functions are authorized when the table is created: refused at load.
    check = "note TEXT CHECK (load_extension('/sandbox/evil.so') IS NULL)"
    result = grade(
        coupons, SOLUTION.replace("code TEXT PRIMARY KEY,", f"code TEXT PRIMARY KEY, {check},")
    )
    assert result.verdict == "runtime_error"
    assert result.message == (
        "the schema doesn't build: OperationalError: not authorized to use function: load_extension"
    )
    # A default is only evaluated by the insert that needs it, and SQLite refuses the function
    # in schema expressions (on top of the authorizer, which denies it everywhere).
    default = "note TEXT DEFAULT (load_extension('/sandbox/evil.so'))"
    result = grade(
        coupons, SOLUTION.replace("code TEXT PRIMARY KEY,", f"code TEXT PRIMARY KEY, {default},")
    )
    assert result.verdict == "wrong_answer"
    step = result.cases[0]["steps"][0]
    assert (step["passed"], step["detail"]) == (
        False,
        "refused: OperationalError: unsafe use of load_extension()",
    )


def test_a_trigger_that_never_ends_is_stopped_within_the_case_time(coupons):
    ddl = SOLUTION + (  # noqa: S608 (a schema, not a query built from input)
        "\nCREATE TRIGGER forever AFTER INSERT ON coupons BEGIN\n"
        "  INSERT INTO redemptions (coupon_code, order_id)\n"
        "  SELECT NEW.code, i FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1"
        " FROM n) SELECT i FROM n);\nEND;"
    )
    started = time.monotonic()
    result = grade(coupons, ddl)
    assert time.monotonic() - started < 30
    assert result.verdict == "time_limit"
    assert result.cases[0]["status"] == "time_limit"
    assert result.cases[0]["error"] == "the case ran longer than 1.6 s"


def test_triggers_that_fire_each_other_stop(coupons):
    # Recursive triggers are off: a trigger's own writes don't fire it again, so a ping-pong
    # between two tables ends after one round instead of looping.
    ddl = SOLUTION + (  # noqa: S608 (a schema, not a query built from input)
        "\nCREATE TABLE echo (code TEXT);\n"
        "CREATE TRIGGER ping AFTER INSERT ON coupons BEGIN\n"
        "  INSERT INTO echo VALUES (NEW.code);\nEND;\n"
        "CREATE TRIGGER pong AFTER INSERT ON echo BEGIN\n"
        "  INSERT OR IGNORE INTO coupons (code, percent) VALUES (NEW.code || 'x', 1);\nEND;"
    )
    result = grade(coupons, ddl)
    assert result.verdict == "accepted"


def test_a_schema_of_thousands_of_tables_is_refused(coupons):
    ddl = "".join(f"CREATE TABLE t{i} (a);" for i in range(2000))
    result = grade(coupons, ddl)
    assert result.verdict == "runtime_error"
    assert result.message == (
        "the schema doesn't build: ValueError: more than 200 tables, indexes, views and triggers"
    )


def test_a_table_of_a_thousand_columns_is_refused(coupons):
    columns = ", ".join(f"c{i} INTEGER" for i in range(1000))
    result = grade(coupons, f"CREATE TABLE wide ({columns});")
    assert result.verdict == "runtime_error"
    assert result.message == "the schema doesn't build: OperationalError: too many columns on wide"


def test_runaway_check_expressions_are_refused_or_fail_their_insert(coupons):
    # Nested too deep: refused when the schema loads, by the parser or the depth limit.
    parens = "(" * 500 + "percent" + " + 1)" * 500
    result = grade(coupons, SOLUTION.replace("CHECK (percent", f"CHECK ({parens} > 0 AND percent"))
    assert result.message == "the schema doesn't build: OperationalError: parser stack overflow"
    chain = "percent" + " + 1" * 500
    result = grade(coupons, SOLUTION.replace("CHECK (percent", f"CHECK ({chain} > 0 AND percent"))
    assert result.verdict == "runtime_error"
    assert result.message == (
        "the schema doesn't build: OperationalError: "
        "Expression tree is too large (maximum depth 100)"
    )
    # A CHECK that builds a huge value fails the insert that evaluates it; the heap and length
    # limits keep it from taking the container's memory.
    huge = SOLUTION.replace("CHECK (percent", "CHECK (length(zeroblob(2000000000)) > 0 AND percent")
    result = grade(coupons, huge)
    step = result.cases[0]["steps"][0]
    assert (step["passed"], step["detail"]) == (
        False,
        "refused: DataError: string or blob too big",
    )


def author_challenge(steps: list[dict]):
    """A schema challenge whose one hidden case runs `steps` (an author's, hostile here)."""
    content = {
        "slug": "hostile-steps",
        "title": "Hostile steps",
        "kind": "schema",
        "difficulty": "easy",
        "skills": {"data-modelling": 1},
        "tags": [],
        "context": "",
        "estimated_minutes": 10,
        "statement_md": "Tables.",
        "starter_code": "CREATE TABLE t (a INTEGER);",
        "reference_solution": "CREATE TABLE t (a INTEGER PRIMARY KEY);",
        "config": {"time_limit_s": 2},
        "hints": [],
        "editorial_md": "",
        "cases": [
            {
                "name": "steps",
                "visibility": "hidden",
                "input": {"steps": steps},
                "expected": {},
                "category": "c",
                "hint": "h",
            }
        ],
        "mutants": [],
        "assets": {},
    }
    package = package_from_content(Path("hostile-steps"), content)
    return challenge_import_package(package=package).version


@pytest.mark.parametrize(
    ("step", "detail"),
    [
        ({"accept": "PRAGMA foreign_keys = OFF"}, "refused: DatabaseError: not authorized"),
        (
            {"accept": "ATTACH DATABASE '/sandbox/x.db' AS x"},
            "refused: DatabaseError: not authorized",
        ),
        ({"accept": "CREATE TABLE u (b)"}, "refused: DatabaseError: not authorized"),
        ({"accept": "DROP TABLE t"}, "refused: DatabaseError: not authorized"),
        (
            {"accept": "SELECT load_extension('/sandbox/evil.so')"},
            "refused: OperationalError: not authorized to use function: load_extension",
        ),
        (
            {"query": "DELETE FROM t RETURNING a", "name": "q", "no_full_scan": ["t"]},
            "the query failed: DatabaseError: not authorized",
        ),
    ],
)
def test_an_author_s_steps_may_only_write_or_read(db, step, detail):
    version = author_challenge([step])
    result = kinds.grade(
        version=version,
        code=version.reference_solution,
        cases=version.cases.all(),
        audience="author",
    )
    assert result.cases[0]["steps"][0]["detail"] == detail
