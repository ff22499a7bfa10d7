"""Match an actual JSON value (or HTTP header) against an expected one with matchers.

Objects match as subsets (extra keys allowed, like a client that ignores new fields); lists
match element by element. Matcher objects: {"$any": true}, {"$type": "string"|"integer"|
"number"|"boolean"|"null"|"array"|"object"}, {"$regex": "..."}, {"$len": n},
{"$unordered": [...]}, {"$absent": true} (the key must not be there), {"$exact": {...}}
(an object with no extra keys).
"""

from __future__ import annotations

import json
import re
from typing import Any

ABSENT = object()
TYPES = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, dict),
}


def _is_matcher(value: Any) -> bool:
    return isinstance(value, dict) and len(value) == 1 and next(iter(value)).startswith("$")


def mismatch(expected: Any, actual: Any, path: str = "$") -> str | None:
    """None when `actual` matches `expected`, else where and how it differs."""
    if _is_matcher(expected):
        ((name, argument),) = expected.items()
        if name == "$absent":
            return None if actual is ABSENT else f"{path}: should be absent"
        if actual is ABSENT:
            return f"{path}: missing"
        if name == "$any":
            return None
        if name == "$type":
            return None if TYPES[argument](actual) else f"{path}: expected a {argument}"
        if name == "$regex":
            ok = isinstance(actual, str) and re.fullmatch(argument, actual)
            return None if ok else f"{path}: does not match /{argument}/"
        if name == "$len":
            ok = isinstance(actual, (list, str, dict)) and len(actual) == argument
            return None if ok else f"{path}: expected length {argument}"
        if name == "$unordered":
            if not isinstance(actual, list) or len(actual) != len(argument):
                return f"{path}: expected {len(argument)} items in any order"
            remaining = list(actual)
            for item in argument:
                found = next((a for a in remaining if mismatch(item, a) is None), ABSENT)
                if found is ABSENT:
                    return f"{path}: no item matches {json.dumps(item)[:80]}"
                remaining.remove(found)
            return None
        if name == "$exact":
            if not isinstance(actual, dict) or set(actual) != set(argument):
                return f"{path}: expected exactly the keys {sorted(argument)}"
            return mismatch(argument, actual, path)
        raise ValueError(f"unknown matcher {name}")
    if actual is ABSENT:
        return f"{path}: missing"
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return f"{path}: expected an object"
        for key, value in expected.items():
            problem = mismatch(value, actual.get(key, ABSENT), f"{path}.{key}")
            if problem:
                return problem
        return None
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            return f"{path}: expected a list of {len(expected)}"
        for index, (e, a) in enumerate(zip(expected, actual, strict=True)):
            problem = mismatch(e, a, f"{path}[{index}]")
            if problem:
                return problem
        return None
    if type(expected) is not type(actual) and not (
        isinstance(expected, (int, float))
        and isinstance(actual, (int, float))
        and not isinstance(expected, bool)
        and not isinstance(actual, bool)
    ):
        return f"{path}: expected {json.dumps(expected)[:80]}"
    return None if expected == actual else f"{path}: expected {json.dumps(expected)[:80]}"


def response_mismatch(expected: dict, actual: dict) -> str | None:
    """Compare one HTTP response: status, headers (case-insensitive names), JSON or text body."""
    if "status" in expected and expected["status"] != actual.get("status"):
        return f"status: expected {expected['status']}, got {actual.get('status')}"
    headers = actual.get("headers", {})
    for name, value in expected.get("headers", {}).items():
        problem = mismatch(value, headers.get(name.lower(), ABSENT), f"header {name}")
        if problem:
            return problem
    if "json" in expected:
        if "json" not in actual:
            return "body: expected JSON"
        problem = mismatch(expected["json"], actual["json"], "body")
        if problem:
            return problem
    if "text" in expected:
        problem = mismatch(expected["text"], actual.get("text", ABSENT), "body")
        if problem:
            return problem
    return None
