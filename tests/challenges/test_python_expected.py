"""Python expected values: `$raises`, matchers inside values, and the checks on load."""

from __future__ import annotations

import pytest

from challenges.kinds.python import input_problems
from challenges.python_expected import expected_problems, matches, unexpected_outcome

FUNDS = {
    "__raised__": {
        "type": "InsufficientFunds",
        "mro": ["InsufficientFunds", "ValueError", "Exception", "BaseException"],
        "message": "balance 500 < 900",
    }
}


def test_plain_values_compare_exactly_as_before():
    assert matches({"a": 1}, {"a": 1}, comparator="exact")
    # A plain object is exact: an extra key fails (unlike an API body).
    assert not matches({"a": 1}, {"a": 1, "b": 2}, comparator="exact")
    assert not matches(1, True, comparator="exact")
    assert matches([3, 1, 2], [1, 2, 3], comparator="unordered")
    assert matches([None, 1.0000001], [None, 1.0], comparator="close", class_mode=True)


@pytest.mark.parametrize(
    ("raises", "passed"),
    [
        ({"type": "InsufficientFunds"}, True),
        ({"type": "ValueError"}, True),  # a base class in the MRO
        ({"type": "Exception", "message": "balance 500 < 900"}, True),
        ({"type": "KeyError"}, False),
        ({"type": "ValueError", "message": "balance 500"}, False),  # text is exact
        ({"type": "ValueError", "message": {"$regex": r"balance \d+ < \d+"}}, True),
        ({"type": "ValueError", "message": {"$regex": "overdraft.*"}}, False),
        ({"type": "ValueError", "message": {"$any": True}}, True),
    ],
)
def test_raises_matches_a_class_name_or_any_base_and_the_message(raises, passed):
    assert matches({"$raises": raises}, FUNDS, comparator="exact") is passed


def test_raises_against_a_returned_value_fails_and_a_value_against_a_raise_fails():
    assert not matches({"$raises": {"type": "ValueError"}}, 0, comparator="exact")
    assert not matches({"$any": True}, FUNDS, comparator="exact")


def test_class_cases_compare_op_by_op_with_any_and_raises():
    expected = [None, {"$any": True}, {"$raises": {"type": "LookupError"}}, 400]
    key_error = {"__raised__": {"type": "KeyError", "mro": ["KeyError", "LookupError"]}}
    assert matches(
        expected,
        [None, {"__not_data__": "returned a W"}, key_error, 400],
        comparator="exact",
        class_mode=True,
    )
    assert not matches(expected, [None, 1, key_error, 401], comparator="exact", class_mode=True)
    assert not matches(expected, [None, 1, key_error], comparator="exact", class_mode=True)


def test_matchers_inside_values_and_the_comparator_around_them():
    expected = {"id": {"$type": "string"}, "total": 10.0, "tags": {"$unordered": ["a", "b"]}}
    actual = {"id": "o-1", "total": 10.0000000001, "tags": ["b", "a"]}
    assert matches(expected, actual, comparator="close")
    assert not matches(expected, actual, comparator="exact")
    assert not matches(expected, {**actual, "extra": 1}, comparator="close")
    assert matches([{"$len": 2}, "x"], ["x", "ab"], comparator="unordered")
    assert not matches([{"$len": 2}, "x"], ["x", "abc"], comparator="unordered")
    assert matches({"$exact": {"a": {"$any": True}}}, {"a": [1]}, comparator="exact")


@pytest.mark.parametrize(
    "actual",
    [
        None,
        [],
        {},
        {"__raised__": None},
        {"__raised__": {"mro": "ValueError"}},
        {"__raised__": {"type": 1, "mro": [None, {}], "message": 5}},
        "x" * 10_000,
        [[[[[]]]]],
        {"__not_data__": 7},
    ],
)
def test_comparing_is_total_over_hostile_reports(actual):
    for expected in ({"$raises": {"type": "ValueError", "message": {"$regex": "a+"}}}, [1]):
        assert matches(expected, actual, comparator="exact") is False
        assert matches(expected, [None, actual], comparator="close", class_mode=True) is False


def test_an_unexpected_raise_is_named_with_its_op():
    ops = [{"args": []}, {"method": "withdraw", "args": [900]}, {"attr": "balance"}]
    assert unexpected_outcome([None, 1, 0], [None, FUNDS, 0], ops) == (
        "op 2 (`withdraw`) raised InsufficientFunds: balance 500 < 900"
    )
    assert (
        unexpected_outcome([None, {"$raises": {"type": "ValueError"}}, 0], [None, FUNDS, 0], ops)
        is None
    )
    assert unexpected_outcome(5, FUNDS, None) == "raised InsufficientFunds: balance 500 < 900"
    assert unexpected_outcome([None, 1, 0], [None, 1, {"__not_data__": "returned a W"}], ops) == (
        "op 3 (`balance`): returned a W"
    )
    assert (
        unexpected_outcome([None, 1, {"$any": True}], [None, 1, {"__not_data__": "x"}], ops) is None
    )


def test_expected_values_are_checked_when_the_package_loads():
    where = "cases.json: case 3: expected"
    assert expected_problems({"$raises": {"type": "not a name", "extra": 1}}, None, where) == [
        "cases.json: case 3: expected: $raises has unknown keys ['extra'] (type, message)",
        "cases.json: case 3: expected: $raises type must be an exception class's name "
        "(an identifier)",
    ]
    assert expected_problems({"$raises": "ValueError"}, None, where) == [
        'cases.json: case 3: expected: $raises takes {"type": "ExceptionName", "message": ...}'
    ]
    assert expected_problems({"a": {"$absent": True}, "b": [{"$regx": "x"}]}, None, where) == [
        "cases.json: case 3: expected: $.b[0]: unknown matcher '$regx' (known: $any, $type, "
        "$regex, $len, $unordered, $exact, $raises)",
        "cases.json: case 3: expected: $.a: unknown matcher '$absent' (known: $any, $type, "
        "$regex, $len, $unordered, $exact, $raises)",
    ]
    assert expected_problems({"x": {"$raises": {"type": "E"}}}, None, where) == [
        "cases.json: case 3: expected: $.x: $raises is the whole expected value (a function) "
        "or one op's (a class), never inside a value"
    ]
    assert expected_problems({"$raises": {"type": "E", "message": {"$regex": "("}}}, None, where)[
        0
    ].startswith("cases.json: case 3: expected: $raises message: $: $regex does not compile")
    ops = [{"args": []}, {"method": "m"}]
    assert expected_problems([None, {"$any": True}, 3], ops, where) == [
        "cases.json: case 3: expected: with matchers or $raises, expected is a list with one "
        "value per op (2)"
    ]
    assert expected_problems([{"$raises": {"type": "ValueError"}}, None], ops, where) == [
        "cases.json: case 3: expected: op 1 (the constructor) raises, so no other op can run: "
        "give this case only that op"
    ]
    assert expected_problems([None, {"$any": 1}], ops, where) == [
        "cases.json: case 3: expected: op 2: $: $any takes true"
    ]
    # No matchers: any expected value, as before.
    assert expected_problems([1, 2, 3], ops, where) == []


def test_ops_are_checked_one_by_one():
    assert input_problems({"ops": [{"args": [1]}, {"attr": "balance"}, {"method": "x"}]}) == []
    assert input_problems(
        {
            "ops": [
                {"method": "__init__"},
                "deposit",
                {"attr": "balance", "args": []},
                {"method": "pay", "amount": 5},
                {"method": "os.system"},
                {"attr": 3},
                {"method": "m", "args": {}, "kwargs": []},
            ]
        }
    ) == [
        "op 1 constructs the object: only args and kwargs (not ['method'])",
        'op 2: an op is an object ({"method": "name", "args": [...]})',
        'op 3: an attribute read is {"attr": "name"} alone',
        "op 4: unknown keys ['amount'] (method, args, kwargs; or attr alone)",
        "op 5: method must be a method's name (an identifier)",
        "op 6: attr must be an attribute's name (an identifier)",
        "op 7: args must be a list",
        "op 7: kwargs must be an object",
    ]
