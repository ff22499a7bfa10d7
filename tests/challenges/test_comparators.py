"""Comparators decide pass/fail outside the sandbox."""

import pytest

from challenges.comparators import compare


@pytest.mark.parametrize(
    ("name", "expected", "actual", "result"),
    [
        ("exact", {"a": 1, "b": [1, 2]}, {"b": [1, 2], "a": 1}, True),
        ("exact", [1, 2], [2, 1], False),
        ("exact", 1, True, False),
        ("exact", 1, 1.0, False),
        ("unordered", [1, 2, 2], [2, 1, 2], True),
        ("unordered", [1, 2, 2], [2, 1, 1], False),
        ("unordered", [{"id": 1}, {"id": 2}], [{"id": 2}, {"id": 1}], True),
        ("close", 0.1 + 0.2, 0.3, True),
        ("close", [1.0, {"x": 2.0}], [1.0000000001, {"x": 2.0}], True),
        ("close", 1.0, 1.1, False),
        ("close", True, 1, False),
    ],
)
def test_compare(name, expected, actual, result):
    assert compare(name, expected, actual) is result


def test_close_honours_its_tolerance_options():
    assert compare("close", 100, 104, {"rel_tol": 0.05}) is True
    assert compare("close", 100, 106, {"rel_tol": 0.05}) is False
