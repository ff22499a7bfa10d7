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


BY_COST = {"order_by": [{"column": "cost", "desc": True}, {"column": "id"}]}


def test_order_by_takes_the_expected_rows_sorted_with_ties_in_any_order():
    expected = {"columns": ["id", "cost"], "rows": [[1, 9], [2, 5], [3, 5], [4, None]]}
    tie_swapped = {"columns": ["id", "cost"], "rows": [[1, 9], [3, 5], [2, 5], [4, None]]}
    only_cost = {"order_by": [{"column": "COST", "desc": True}]}
    assert compare_tables(expected, tie_swapped, only_cost) == (True, {})
    # With id as the second key the tie is broken: 3 before 2 is out of order.
    assert compare_tables(expected, tie_swapped, BY_COST) == (
        False,
        {
            "order": "rows 2 and 3 are not in the order ORDER BY cost DESC, id asks for: "
            "[3, 5] comes before [2, 5]"
        },
    )


def test_order_by_sorts_like_sqlite_nulls_first_then_numbers_then_text():
    rows = [[None], [-1], [2.5], [3], ["a"], ["b"]]
    table = {"columns": ["v"], "rows": rows}
    assert compare_tables(table, table, {"order_by": [{"column": "v"}]}) == (True, {})
    backwards = {"columns": ["v"], "rows": rows[::-1]}
    assert compare_tables(backwards, backwards, {"order_by": [{"column": "v", "desc": True}]})[0]
    equal, feedback = compare_tables(backwards, backwards, {"order_by": [{"column": "v"}]})
    assert equal is False
    assert feedback["order"].startswith("rows 1 and 2 are not in the order ORDER BY v asks for")


def test_order_by_still_needs_the_same_rows_and_reports_both():
    expected = {"columns": ["id", "cost"], "rows": [[1, 9], [2, 5]]}
    actual = {"columns": ["id", "cost"], "rows": [[2, 5], [7, 9]]}
    equal, feedback = compare_tables(expected, actual, BY_COST)
    assert equal is False
    assert feedback["missing_rows"] == [[1, 9]]
    assert feedback["extra_rows"] == [[7, 9]]
    assert feedback["order"].startswith("rows 1 and 2 are not in the order")


def test_order_by_a_column_the_result_lacks_fails_the_case_saying_so():
    table = {"columns": ["id", "price"], "rows": [[1, 9]]}
    assert compare_tables(table, table, BY_COST) == (
        False,
        {
            "order": "order_by names the column 'cost', which the result does not have "
            "(its columns: id, price)"
        },
    )


def test_order_by_is_total_over_hostile_rows():
    expected = {"columns": ["id", "cost"], "rows": [[1, 2], [2, 1]]}
    ragged = {"columns": ["id", "cost"], "rows": [[1], [2, {"__bytes__": "00"}], [3, [1]]]}
    assert compare_tables(expected, ragged, BY_COST)[0] is False
