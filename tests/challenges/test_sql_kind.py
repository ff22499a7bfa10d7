"""SQL challenges end to end in the sandbox: table comparison, diffs, and the query guards."""

from pathlib import Path

import pytest

from challenges import kinds
from challenges.kinds.sql import compare_tables
from challenges.packages import read_package
from challenges.services import challenge_import_package

PACKAGE = Path(__file__).parent / "packages" / "late-orders"


@pytest.fixture
def late_orders(db):
    return challenge_import_package(package=read_package(PACKAGE)).version


def grade(version, query):
    return kinds.grade(version=version, code=query, cases=version.cases.order_by("ordinal"))


def test_unordered_comparison_with_float_tolerance():
    expected = {"columns": ["a", "b"], "rows": [[1, 0.1 + 0.2], [2, "x"]]}
    actual = {"columns": ["A", "B"], "rows": [[2, "x"], [1, 0.3]]}
    assert compare_tables(expected, actual, {}) == (True, {})
    assert compare_tables(expected, actual, {"order_matters": True})[0] is False


def test_diff_lists_missing_and_extra_rows():
    expected = {"columns": ["id"], "rows": [[1], [2], [2]]}
    actual = {"columns": ["id"], "rows": [[2], [3]]}
    equal, feedback = compare_tables(expected, actual, {})
    assert equal is False
    assert feedback == {
        "missing_rows": [[1], [2]],
        "extra_rows": [[3]],
        "missing_count": 2,
        "extra_count": 1,
    }


def test_column_names_are_checked_only_when_asked():
    expected = {"columns": ["id"], "rows": [[1]]}
    actual = {"columns": ["order_id"], "rows": [[1]]}
    assert compare_tables(expected, actual, {})[0] is True
    assert compare_tables(expected, actual, {"check_column_names": True}) == (
        False,
        {"columns": "expected columns ['id'], got ['order_id']"},
    )


@pytest.mark.docker
def test_reference_is_accepted_and_a_hidden_failure_shows_no_diff(late_orders):
    assert grade(late_orders, late_orders.reference_solution).verdict == "accepted"
    wrong = grade(late_orders, late_orders.mutants[0]["code"])
    assert wrong.verdict == "wrong_answer"
    example, hidden = wrong.cases
    assert example["diff"] == {
        "missing_rows": [],
        "extra_rows": [],
        "missing_count": 0,
        "extra_count": 0,
        "order": "the right rows in the wrong order",
    }
    # Row counts and order of a hidden result come from the query's output on hidden data:
    # only the verdict word, the category and the author's hint are shown.
    assert hidden == {
        "kind": "sql",
        "ordinal": 2,
        "name": hidden["name"],
        "visibility": "hidden",
        "status": "wrong_answer",
        "passed": False,
        "category": hidden["category"],
        "hint": "Break ties on days_late by id, ascending.",
    }


@pytest.mark.docker
def test_visible_case_shows_both_tables_and_the_diff(late_orders):
    result = grade(late_orders, "SELECT id, 2 AS days_late FROM orders WHERE id > 1")
    example = result.cases[0]
    assert example["status"] == "wrong_answer"
    assert example["actual"] == {"columns": ["id", "days_late"], "rows": [[2, 2], [3, 2], [4, 2]]}
    assert example["diff"]["extra_rows"] == [[3, 2]]
    assert example["diff"]["missing_rows"] == []


@pytest.mark.docker
@pytest.mark.parametrize(
    ("query", "error"),
    [
        ("ATTACH DATABASE '/tmp/x.db' AS x", "DatabaseError: not authorized"),
        ("SELECT * FROM pragma_table_info('orders')", ""),
        ("PRAGMA writable_schema = 1", "DatabaseError: not authorized"),
        ("DELETE FROM orders", "DatabaseError: not authorized"),
        ("SELECT load_extension('/tmp/evil.so')", "not authorized"),
        ("SELECT 1; DROP TABLE orders", "ProgrammingError: You can only execute one statement"),
    ],
)
def test_guards_refuse_anything_but_reading(late_orders, query, error):
    result = grade(late_orders, query)
    assert result.verdict in {"runtime_error", "wrong_answer"}
    if error:
        assert result.verdict == "runtime_error"
        assert error in result.cases[0]["error"]


@pytest.mark.docker
def test_runaway_query_is_stopped(late_orders):
    query = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n"
    result = grade(late_orders, query)
    assert result.verdict == "time_limit"
    assert result.cases[0]["status"] == "time_limit"


@pytest.mark.docker
def test_syntax_error_is_reported_once(late_orders):
    result = grade(late_orders, "SELEC id FROM orders")
    assert result.verdict == "syntax_error"
    assert 'near "SELEC": syntax error' in result.message
