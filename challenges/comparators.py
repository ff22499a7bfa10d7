"""How an actual output is compared with the expected one, outside the sandbox."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from typing import Any

Comparator = Callable[[Any, Any, dict], bool]


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True)


def exact(expected: Any, actual: Any, options: dict) -> bool:
    # bool is an int in Python but not in JSON: True must not pass for 1.
    return _canonical(expected) == _canonical(actual)


def unordered(expected: Any, actual: Any, options: dict) -> bool:
    if not isinstance(expected, list) or not isinstance(actual, list):
        return exact(expected, actual, options)
    return sorted(map(_canonical, expected)) == sorted(map(_canonical, actual))


def close(expected: Any, actual: Any, options: dict) -> bool:
    """Numbers equal within a relative or absolute tolerance, recursively through lists/dicts."""
    rel = float(options.get("rel_tol", 1e-6))
    abs_tol = float(options.get("abs_tol", 1e-9))
    if isinstance(expected, bool) or isinstance(actual, bool):
        return expected is actual
    if isinstance(expected, (int, float)) and isinstance(actual, (int, float)):
        return math.isclose(expected, actual, rel_tol=rel, abs_tol=abs_tol)
    if isinstance(expected, list) and isinstance(actual, list):
        return len(expected) == len(actual) and all(
            close(e, a, options) for e, a in zip(expected, actual, strict=True)
        )
    if isinstance(expected, dict) and isinstance(actual, dict):
        return expected.keys() == actual.keys() and all(
            close(expected[k], actual[k], options) for k in expected
        )
    return exact(expected, actual, options)


def _normalise_text(value: Any) -> Any:
    if isinstance(value, dict) and isinstance(value.get("stdout"), str):
        value = value["stdout"]
    if not isinstance(value, str):
        return value
    return "\n".join(line.rstrip() for line in value.rstrip().splitlines())


def text(expected: Any, actual: Any, options: dict) -> bool:
    """Program output: equal apart from trailing spaces on lines and trailing blank lines."""
    return _normalise_text(expected) == _normalise_text(actual)


COMPARATORS: dict[str, Comparator] = {
    "exact": exact,
    "unordered": unordered,
    "close": close,
    "text": text,
}


def compare(name: str, expected: Any, actual: Any, options: dict | None = None) -> bool:
    return COMPARATORS[name](expected, actual, options or {})
