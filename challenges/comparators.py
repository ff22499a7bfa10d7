"""How an actual output is compared with the expected one, outside the sandbox.

Every comparator is total: whatever JSON arrives on either side (huge ints, non-finite float
markers, deep nesting, wrong types, mixed containers) the answer is True or False, never an
exception. A value nested deeper than MAX_DEPTH, or holding something JSON can't write, is wrong.
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Callable
from typing import Any

logger = logging.getLogger(__name__)

Comparator = Callable[[Any, Any, dict], bool]

# Packages cap an expected value's nesting well below this; an actual value nested deeper
# can't equal one, and refusing it early keeps every walk below Python's recursion limit.
MAX_DEPTH = 128
# json.dumps refuses ints with more than sys.get_int_max_str_digits() (4300) digits.
MAX_INT_BITS = 14_000


def comparable(value: Any, max_depth: int = MAX_DEPTH) -> bool:
    """Plain JSON data (str keys; None, bool, int, float, str, list, dict) within the caps."""
    stack = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (list, tuple)):
            if depth >= max_depth:
                return False
            stack.extend((child, depth + 1) for child in item)
        elif isinstance(item, dict):
            if depth >= max_depth or not all(isinstance(key, str) for key in item):
                return False
            stack.extend((child, depth + 1) for child in item.values())
        elif isinstance(item, int):
            if item.bit_length() > MAX_INT_BITS:
                return False
        elif not (item is None or isinstance(item, (float, str))):
            return False
    return True


def _canonical(value: Any) -> str:
    """One spelling per JSON value (keys sorted); only for values `comparable` accepted."""
    return json.dumps(value, sort_keys=True)


def exact(expected: Any, actual: Any, options: dict) -> bool:
    # bool is an int in Python but not in JSON: True must not pass for 1.
    return _canonical(expected) == _canonical(actual)


def unordered(expected: Any, actual: Any, options: dict) -> bool:
    if not isinstance(expected, list) or not isinstance(actual, list):
        return exact(expected, actual, options)
    return sorted(map(_canonical, expected)) == sorted(map(_canonical, actual))


def _tolerance(options: dict, name: str, default: float) -> float:
    value = options.get(name, default)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return default
    try:
        value = float(value)
    except OverflowError:
        return default
    return value if math.isfinite(value) and value >= 0 else default


def _numbers_close(expected: int | float, actual: int | float, rel: float, abs_tol: float) -> bool:
    if isinstance(expected, int) and isinstance(actual, int) and expected == actual:
        return True
    try:
        return math.isclose(float(expected), float(actual), rel_tol=rel, abs_tol=abs_tol)
    except OverflowError:
        # An int beyond the float range is close only to itself (handled above).
        return False


def close(expected: Any, actual: Any, options: dict) -> bool:
    """Numbers equal within a relative or absolute tolerance, recursively through lists/dicts."""
    rel = _tolerance(options, "rel_tol", 1e-6)
    abs_tol = _tolerance(options, "abs_tol", 1e-9)
    return _close(expected, actual, rel, abs_tol)


def _close(expected: Any, actual: Any, rel: float, abs_tol: float) -> bool:
    if isinstance(expected, bool) or isinstance(actual, bool):
        return expected is actual
    if isinstance(expected, (int, float)) and isinstance(actual, (int, float)):
        return _numbers_close(expected, actual, rel, abs_tol)
    if isinstance(expected, list) and isinstance(actual, list):
        return len(expected) == len(actual) and all(
            _close(e, a, rel, abs_tol) for e, a in zip(expected, actual, strict=True)
        )
    if isinstance(expected, dict) and isinstance(actual, dict):
        return expected.keys() == actual.keys() and all(
            _close(expected[k], actual[k], rel, abs_tol) for k in expected
        )
    return _canonical(expected) == _canonical(actual)


def _normalise_text(value: Any) -> Any:
    if isinstance(value, dict) and isinstance(value.get("stdout"), str):
        value = value["stdout"]
    if not isinstance(value, str):
        return value
    return "\n".join(line.rstrip() for line in value.rstrip().splitlines())


def text(expected: Any, actual: Any, options: dict) -> bool:
    """Program output: equal apart from trailing spaces on lines and trailing blank lines."""
    expected, actual = _normalise_text(expected), _normalise_text(actual)
    if isinstance(expected, str) and isinstance(actual, str):
        return expected == actual
    return _canonical(expected) == _canonical(actual)


COMPARATORS: dict[str, Comparator] = {
    "exact": exact,
    "unordered": unordered,
    "close": close,
    "text": text,
}


def compare(name: str, expected: Any, actual: Any, options: dict | None = None) -> bool:
    """Does `actual` pass against `expected`? An unknown comparator name is our bug: KeyError."""
    comparator = COMPARATORS[name]
    if not (comparable(expected) and comparable(actual)):
        return False
    try:
        return bool(comparator(expected, actual, options if isinstance(options, dict) else {}))
    except Exception:
        # Unreachable for values `comparable` accepts; if it ever happens the case is failed
        # (never the whole grading) and the traceback is kept for us.
        logger.exception("comparator %s raised; the case counts as failed", name)
        return False
