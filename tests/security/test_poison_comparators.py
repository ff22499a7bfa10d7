"""Comparators are total: any JSON value on either side gives a bool, never an exception."""

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from challenges.comparators import COMPARATORS, MAX_DEPTH, compare


def nested(value, depth: int, container: str = "list"):
    for _ in range(depth):
        value = [value] if container == "list" else {"k": value}
    return value


scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**500), max_value=10**500)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20)
    | st.sampled_from([{"__float__": "nan"}, {"__float__": "inf"}, {"__float__": "-inf"}])
)
json_values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=5), children, max_size=4)
    ),
    max_leaves=12,
)
deep_values = st.builds(
    nested, json_values, st.integers(0, 3 * MAX_DEPTH), st.sampled_from(["list", "dict"])
)
any_value = json_values | deep_values
options = st.fixed_dictionaries({}, optional={"rel_tol": json_values, "abs_tol": json_values})


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=st.sampled_from(sorted(COMPARATORS)),
    expected=any_value,
    actual=any_value,
    options=options,
)
def test_every_comparator_answers_a_bool_for_any_json(name, expected, actual, options):
    assert compare(name, expected, actual, options) in (True, False)


@settings(max_examples=150, deadline=None)
@given(name=st.sampled_from(["exact", "unordered", "close", "text"]), value=json_values)
def test_a_plain_value_equals_itself(name, value):
    def has_nan(item):
        if isinstance(item, float):
            return math.isnan(item)
        if isinstance(item, list):
            return any(map(has_nan, item))
        if isinstance(item, dict):
            return any(map(has_nan, item.values()))
        return False

    if name == "close" and has_nan(value):
        return  # NaN is close to nothing, itself included (math.isclose)
    assert compare(name, value, value) is True


POISON = {
    "huge int vs float (OverflowError in math.isclose)": ("close", 1.5, lambda: 10**400),
    "float vs huge int": ("close", 10**400, lambda: 1.5),
    "huge int inside a list": ("close", [1.0, 2.0], lambda: [10**400, 2.0]),
    "nan marker": ("close", 1.0, lambda: {"__float__": "nan"}),
    "inf marker": ("close", 1.0, lambda: {"__float__": "inf"}),
    "a real nan": ("close", 1.0, lambda: float("nan")),
    "more digits than json writes": ("exact", 1, lambda: 10**5000),
    "5000 deep (RecursionError in json.dumps)": ("exact", [1], lambda: nested(1, 5000)),
    "mixed containers": ("unordered", [1, 2], lambda: [[1], {"a": 2}]),
    "deep dicts": ("unordered", [1, 2], lambda: nested([1, 2], 5000, "dict")),
    "deep text": ("text", "1\n", lambda: nested("1", 5000)),
    "stdout of a wrong type": ("text", "1\n", lambda: {"stdout": 1}),
    "a non-JSON key": ("exact", {"a": 1}, lambda: {1: 1}),
    "an object": ("exact", 1, lambda: object()),
}


@pytest.mark.parametrize(("name", "expected", "make_actual"), POISON.values(), ids=POISON)
def test_poison_actual_values_are_wrong_answers(name, expected, make_actual):
    assert compare(name, expected, make_actual()) is False


def test_huge_equal_ints_are_close_and_nonsense_tolerances_fall_back_to_defaults():
    assert compare("close", 10**400, 10**400) is True
    assert compare("close", 10**400, 10**400 + 1) is False
    for bad in (None, "x", float("nan"), -1, 10**400, True, [1]):
        assert compare("close", 1.0, 1.0 + 1e-9, {"rel_tol": bad, "abs_tol": bad}) is True
        assert compare("close", 1.0, 1.1, {"rel_tol": bad, "abs_tol": bad}) is False
