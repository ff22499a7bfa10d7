"""JSON and HTTP response matchers used to judge API scenarios."""

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from challenges.matchers import (
    ABSENT,
    matcher_problems,
    mismatch,
    response_mismatch,
    response_problems,
)


@pytest.mark.parametrize(
    ("expected", "actual", "problem"),
    [
        ({"a": 1}, {"a": 1, "extra": True}, None),
        (
            {"$exact": {"a": 1}},
            {"a": 1, "extra": True},
            "$: unexpected keys 'extra' (expected exactly ['a'])",
        ),
        ({"id": {"$type": "integer"}}, {"id": "7"}, "$.id: expected a integer"),
        ({"id": {"$type": "integer"}}, {"id": True}, "$.id: expected a integer"),
        ({"next": {"$regex": "c_[a-z0-9]+"}}, {"next": "c_9x"}, None),
        (
            {"next": {"$regex": "c_[a-z0-9]+"}},
            {"next": "x"},
            "$.next: does not match /c_[a-z0-9]+/",
        ),
        ({"items": {"$len": 2}}, {"items": [1, 2]}, None),
        ({"items": {"$unordered": [1, 2]}}, {"items": [2, 1]}, None),
        ({"items": [1, 2]}, {"items": [2, 1]}, "$.items[0]: expected 1"),
        ({"secret": {"$absent": True}}, {"id": 1}, None),
        ({"secret": {"$absent": True}}, {"secret": None}, "$.secret: should be absent"),
        ({"total": 10}, {"total": 10.0}, None),
        ({"ok": True}, {"ok": 1}, "$.ok: expected true"),
        ({"a": {"b": 1}}, {}, "$.a: missing"),
    ],
)
def test_mismatch(expected, actual, problem):
    assert mismatch(expected, actual) == problem


def test_absent_marker_is_distinct_from_null():
    assert mismatch(None, ABSENT) == "$: missing"
    assert mismatch(None, None) is None


def test_response_headers_are_case_insensitive():
    actual = {"status": 304, "headers": {"etag": '"v2"'}, "text": ""}
    assert response_mismatch({"status": 304, "headers": {"ETag": '"v2"'}}, actual) is None
    assert response_mismatch({"status": 200}, actual) == "status: expected 200, got 304"
    assert response_mismatch({"json": {}}, actual) == "body: expected JSON"
    assert (
        response_mismatch({"headers": {"Retry-After": {"$any": True}}}, actual)
        == "header Retry-After: missing"
    )


@pytest.mark.parametrize(
    ("expected", "problems"),
    [
        ({"id": {"$type": "integer"}, "tags": {"$len": 2}}, []),
        ({"id": {"$typo": "integer"}}, ["$.id: unknown matcher '$typo' (known: $any, $type, "]),
        ({"id": {"$type": "uuid"}}, ["$.id: $type must be one of string, integer, number, "]),
        ({"n": {"$len": -1}}, ["$.n: $len must be a whole number from 0 to 1000000"]),
        ({"n": {"$len": True}}, ["$.n: $len must be a whole number from 0 to 1000000"]),
        ({"s": {"$regex": "("}}, ["$.s: $regex does not compile: missing )"]),
        ({"s": {"$regex": 5}}, ["$.s: $regex takes a pattern as text"]),
        ({"s": {"$regex": "a" * 501}}, ["$.s: a $regex pattern is at most 500 characters"]),
        ({"s": {"$unordered": {"a": 1}}}, ["$.s: $unordered takes a list"]),
        ({"s": {"$exact": [1]}}, ["$.s: $exact takes an object"]),
        ([{"$unordered": [{"$nope": 1}]}], ["$[0][0]: unknown matcher '$nope'"]),
    ],
)
def test_matchers_are_checked_when_a_package_is_read(expected, problems):
    found = matcher_problems(expected)
    assert len(found) == len(problems)
    for got, want in zip(found, problems, strict=True):
        assert got.startswith(want), got


def test_response_shapes_are_checked():
    assert response_problems({"status": 200, "json": {"id": {"$any": True}}}, "r") == []
    assert response_problems([], "r") == [
        "r: an expected response is an object (status, headers, json, text)"
    ]
    assert response_problems(
        {"status": "200", "headers": [], "json": 1, "text": "x", "body": 1}, "r"
    ) == [
        "r: unknown keys ['body'] (status, headers, json, text)",
        "r: status must be an HTTP status code (100-599)",
        "r: headers must be an object of name -> value",
        "r: json or text, not both",
    ]
    assert response_problems({"headers": {"ETag": 5}}, "r") == [
        "r: header ETag: a text value or a matcher"
    ]


def test_a_catastrophic_pattern_is_a_mismatch_within_its_timeout():
    started = time.monotonic()
    problem = mismatch({"$regex": "(a+)+$"}, "a" * 50_000 + "!")
    assert problem == "$: does not match /(a+)+$/ (matching took too long)"
    assert time.monotonic() - started < 1


def test_many_slow_patterns_share_one_budget():
    expected = [{"$regex": "(a|aa)+$"}] * 20
    started = time.monotonic()
    assert mismatch({"$unordered": expected}, ["a" * 40 + "!"] * 20) is not None
    assert time.monotonic() - started < 2


def test_long_strings_are_not_matched():
    assert mismatch({"$regex": ".*"}, "a" * 100_001) == (
        "$: does not match /.*/ (longer than 100000 characters)"
    )


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**400), max_value=10**400)
    | st.floats()
    | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3)
    ),
    max_leaves=10,
)
malformed_matchers = st.builds(
    lambda name, argument: {name: argument},
    st.sampled_from(["$any", "$type", "$regex", "$len", "$unordered", "$absent", "$exact", "$x"]),
    json_values,
)


@settings(max_examples=300, deadline=None)
@given(expected=json_values | malformed_matchers, actual=json_values)
def test_mismatch_is_total_over_any_json(expected, actual):
    assert mismatch(expected, actual) is None or isinstance(mismatch(expected, actual), str)
    response = {"status": expected, "headers": actual, "json": expected}
    outcome = response_mismatch(response, {"headers": expected, "json": actual})
    assert outcome is None or isinstance(outcome, str)
    outcome = response_mismatch(actual, expected)
    assert outcome is None or isinstance(outcome, str)


def test_deep_values_are_compared_without_crashing():
    deep = 1
    for _ in range(5000):
        deep = [deep]
    assert mismatch(deep, deep) == "$: could not be compared with the expected value"
    assert mismatch({"a": 1}, deep) == "$: expected an object"


@pytest.mark.parametrize(
    ("expected", "actual", "problem"),
    [
        ({"a": 1}, {"a": 1}, None),
        ({"a": 1}, {"a": 1, "b": 2}, "$: unexpected keys 'b' (expected exactly ['a'])"),
        (
            {"a": {"b": 1}},
            {"a": {"b": 1, "secret": "x"}},
            "$.a: unexpected keys 'secret' (expected exactly ['b'])",
        ),
        (
            [{"id": 1}],
            [{"id": 1, "ssn": "x"}],
            "$[0]: unexpected keys 'ssn' (expected exactly ['id'])",
        ),
        ({"a": 1, "gone": {"$absent": True}}, {"a": 1}, None),
        (
            {"a": 1, "gone": {"$absent": True}},
            {"a": 1, "gone": 2},
            "$: unexpected keys 'gone' (expected exactly ['a'])",
        ),
        ({"meta": {"$subset": {"v": 1}}}, {"meta": {"v": 1, "request_id": "r"}}, None),
        # $subset opens one object only: objects inside it are exact again.
        (
            {"$subset": {"inner": {"v": 1}}},
            {"inner": {"v": 1, "x": 0}, "other": 1},
            "$.inner: unexpected keys 'x' (expected exactly ['v'])",
        ),
        (
            {"items": {"$unordered": [{"id": 1}]}},
            {"items": [{"id": 1, "x": 1}]},
            '$.items: no item matches {"id": 1}',
        ),
        (
            {"a": 1},
            {"a": 1, **{f"k{i}": i for i in range(7)}},
            "$: unexpected keys 'k0', 'k1', 'k2', 'k3', 'k4' and 2 more (expected exactly ['a'])",
        ),
    ],
)
def test_exact_objects(expected, actual, problem):
    assert mismatch(expected, actual, exact_objects=True) == problem


def test_subset_is_the_default_and_subset_matcher_is_valid_in_both_modes():
    assert mismatch({"a": {"b": 1}}, {"a": {"b": 1, "c": 2}}) is None
    assert mismatch({"$subset": {"a": 1}}, {"a": 1, "b": 2}) is None
    assert matcher_problems({"x": {"$subset": {"a": {"$type": "integer"}}}}) == []
    assert matcher_problems({"x": {"$subset": [1]}}) == ["$.x: $subset takes an object"]
    assert matcher_problems({"x": {"$subset": {"a": {"$type": "int"}}}}) == [
        "$.x.a: $type must be one of string, integer, number, boolean, null, array, object"
    ]


def test_response_mismatch_applies_exact_matching_to_the_body_only():
    expected = {"status": 200, "headers": {"ETag": '"v1"'}, "json": {"id": 1}}
    actual = {
        "status": 200,
        "headers": {"etag": '"v1"', "x-extra": "1"},
        "json": {"id": 1, "pii": 1},
    }
    assert response_mismatch(expected, actual) is None
    assert response_mismatch(expected, actual, json_match="exact") == (
        "body: unexpected keys 'pii' (expected exactly ['id'])"
    )
