"""JSON and HTTP response matchers used to judge API scenarios."""

import pytest

from challenges.matchers import ABSENT, mismatch, response_mismatch


@pytest.mark.parametrize(
    ("expected", "actual", "problem"),
    [
        ({"a": 1}, {"a": 1, "extra": True}, None),
        ({"$exact": {"a": 1}}, {"a": 1, "extra": True}, "$: expected exactly the keys ['a']"),
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
