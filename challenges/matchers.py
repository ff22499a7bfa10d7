"""Match an actual JSON value (or HTTP header) against an expected one with matchers.

Objects match as subsets (extra keys allowed, like a client that ignores new fields) unless
the comparison is exact (`[api] json_match = "exact"`: no extra keys at any level); lists match
element by element. Matcher objects: {"$any": true}, {"$type": "string"|"integer"|"number"|
"boolean"|"null"|"array"|"object"}, {"$regex": "..."}, {"$len": n}, {"$unordered": [...]},
{"$absent": true} (the key must not be there), {"$exact": {...}} (an object with no extra
keys), {"$subset": {...}} (an object that may have extra keys, even in exact matching).

Expected values are an author's and actual values a candidate's: `matcher_problems` checks the
former when a package is read, and `mismatch` is total over both (a malformed matcher or a
pattern that runs too long is a mismatch, never an exception). Patterns run through the
`regex` package with a timeout, so a catastrophic pattern can't hold a grading worker.
"""

from __future__ import annotations

import json
import time
from typing import Any

import regex

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
MATCHERS = ("$any", "$type", "$regex", "$len", "$unordered", "$absent", "$exact", "$subset")
# How plain objects match: "subset" (extra keys are fine) or "exact" (every level).
JSON_MATCH_MODES = ("subset", "exact")
MAX_PATTERN_CHARS = 500
MAX_MATCHED_CHARS = 100_000
REGEX_TIMEOUT_S = 0.25
# All the patterns of one comparison together: many slow patterns can't add up either.
REGEX_BUDGET_S = 1.0
MAX_LEN = 1_000_000


class _Budget:
    """One comparison's regex clock, and whether its plain objects match exactly."""

    def __init__(self, exact_objects: bool = False) -> None:
        self.deadline = time.monotonic() + REGEX_BUDGET_S
        self.exact_objects = exact_objects

    def timeout(self) -> float:
        return max(0.0, min(REGEX_TIMEOUT_S, self.deadline - time.monotonic()))


def is_matcher(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and len(value) == 1
        and isinstance(next(iter(value)), str)
        and next(iter(value)).startswith("$")
    )


def _shown(value: Any) -> str:
    try:
        return json.dumps(value)[:80]
    except (TypeError, ValueError, RecursionError):
        return "that value"


def matcher_problems(expected: Any, path: str = "$") -> list[str]:
    """What is wrong with the matchers in an expected value (empty when they are all valid)."""
    problems: list[str] = []
    stack = [(expected, path)]
    while stack:
        value, where = stack.pop()
        if is_matcher(value):
            ((name, argument),) = value.items()
            if name not in MATCHERS:
                problems.append(f"{where}: unknown matcher {name!r} (known: {', '.join(MATCHERS)})")
            elif name == "$type" and argument not in TYPES:
                problems.append(f"{where}: $type must be one of {', '.join(TYPES)}")
            elif name == "$len" and not (
                isinstance(argument, int)
                and not isinstance(argument, bool)
                and 0 <= argument <= MAX_LEN
            ):
                problems.append(f"{where}: $len must be a whole number from 0 to {MAX_LEN}")
            elif name == "$regex":
                problems += pattern_problems(argument, where)
            elif name == "$unordered":
                if not isinstance(argument, list):
                    problems.append(f"{where}: $unordered takes a list")
                else:
                    stack.extend((item, f"{where}[{i}]") for i, item in enumerate(argument))
            elif name in ("$exact", "$subset"):
                if not isinstance(argument, dict):
                    problems.append(f"{where}: {name} takes an object")
                else:
                    stack.extend((item, f"{where}.{key}") for key, item in argument.items())
        elif isinstance(value, dict):
            stack.extend((item, f"{where}.{key}") for key, item in value.items())
        elif isinstance(value, list):
            stack.extend((item, f"{where}[{i}]") for i, item in enumerate(value))
    return problems


def pattern_problems(pattern: Any, where: str) -> list[str]:
    if not isinstance(pattern, str):
        return [f"{where}: $regex takes a pattern as text"]
    if len(pattern) > MAX_PATTERN_CHARS:
        return [f"{where}: a $regex pattern is at most {MAX_PATTERN_CHARS} characters"]
    try:
        regex.compile(pattern)
    except (regex.error, ValueError, OverflowError, RecursionError) as exc:
        return [f"{where}: $regex does not compile: {exc}"]
    return []


def _regex_mismatch(pattern: Any, actual: Any, path: str, budget: _Budget) -> str | None:
    if not isinstance(pattern, str) or len(pattern) > MAX_PATTERN_CHARS:
        return f"{path}: the expected pattern is not valid"
    shown = f"/{pattern[:80]}/"
    if not isinstance(actual, str):
        return f"{path}: does not match {shown} (not text)"
    if len(actual) > MAX_MATCHED_CHARS:
        return f"{path}: does not match {shown} (longer than {MAX_MATCHED_CHARS} characters)"
    try:
        matched = regex.fullmatch(pattern, actual, timeout=budget.timeout())
    except TimeoutError:
        return f"{path}: does not match {shown} (matching took too long)"
    except (regex.error, ValueError, OverflowError, RecursionError):
        return f"{path}: the expected pattern is not valid"
    return None if matched else f"{path}: does not match {shown}"


def _mismatch(expected: Any, actual: Any, path: str, budget: _Budget) -> str | None:
    if is_matcher(expected):
        ((name, argument),) = expected.items()
        if name == "$absent":
            return None if actual is ABSENT else f"{path}: should be absent"
        if actual is ABSENT:
            return f"{path}: missing"
        if name == "$any":
            return None
        if name == "$type":
            check = TYPES.get(argument) if isinstance(argument, str) else None
            if check is None:
                return f"{path}: the expected type is not valid"
            return None if check(actual) else f"{path}: expected a {argument}"
        if name == "$regex":
            return _regex_mismatch(argument, actual, path, budget)
        if name == "$len":
            ok = isinstance(actual, (list, str, dict)) and len(actual) == argument
            return None if ok else f"{path}: expected length {_shown(argument)}"
        if name == "$unordered":
            if not isinstance(argument, list):
                return f"{path}: the expected list is not valid"
            if not isinstance(actual, list) or len(actual) != len(argument):
                return f"{path}: expected {len(argument)} items in any order"
            remaining = list(actual)
            for item in argument:
                index = next(
                    (
                        i
                        for i, candidate in enumerate(remaining)
                        if _mismatch(item, candidate, path, budget) is None
                    ),
                    None,
                )
                if index is None:
                    return f"{path}: no item matches {_shown(item)}"
                del remaining[index]
            return None
        if name in ("$exact", "$subset"):
            if not isinstance(argument, dict):
                return f"{path}: the expected object is not valid"
            return _object_mismatch(argument, actual, path, budget, exact=name == "$exact")
        return f"{path}: unknown matcher {name[:40]!r}"
    if actual is ABSENT:
        return f"{path}: missing"
    if isinstance(expected, dict):
        return _object_mismatch(expected, actual, path, budget, exact=budget.exact_objects)
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            return f"{path}: expected a list of {len(expected)}"
        for index, (e, a) in enumerate(zip(expected, actual, strict=True)):
            problem = _mismatch(e, a, f"{path}[{index}]", budget)
            if problem:
                return problem
        return None
    numbers = (int, float)
    both_numbers = (
        isinstance(expected, numbers)
        and isinstance(actual, numbers)
        and not isinstance(expected, bool)
        and not isinstance(actual, bool)
    )
    if type(expected) is not type(actual) and not both_numbers:
        return f"{path}: expected {_shown(expected)}"
    return None if expected == actual else f"{path}: expected {_shown(expected)}"


def _object_mismatch(
    expected: dict, actual: Any, path: str, budget: _Budget, *, exact: bool
) -> str | None:
    """An object: every expected key matches; `exact`: and the actual object has no other keys
    (a key expected `$absent` is not one it must have)."""
    if actual is ABSENT:
        return f"{path}: missing"
    if not isinstance(actual, dict):
        return f"{path}: expected an object"
    if exact:
        wanted = {
            key for key, value in expected.items() if not (is_matcher(value) and "$absent" in value)
        }
        extra = sorted(key for key in actual if key not in wanted)
        if extra:
            shown = ", ".join(repr(key[:40]) for key in extra[:5])
            more = f" and {len(extra) - 5} more" if len(extra) > 5 else ""
            return f"{path}: unexpected keys {shown}{more} (expected exactly {sorted(wanted)})"
    for key, value in expected.items():
        problem = _mismatch(value, actual.get(key, ABSENT), f"{path}.{key}", budget)
        if problem:
            return problem
    return None


def mismatch(
    expected: Any, actual: Any, path: str = "$", *, exact_objects: bool = False
) -> str | None:
    """None when `actual` matches `expected`, else where and how it differs; never raises.
    `exact_objects`: plain objects may have no keys beyond the expected ones, at every level."""
    try:
        return _mismatch(expected, actual, path, _Budget(exact_objects))
    except (RecursionError, TypeError, ValueError, OverflowError):
        return f"{path}: could not be compared with the expected value"


def response_problems(expected: Any, where: str) -> list[str]:
    """What is wrong with one expected HTTP response of an API case."""
    if not isinstance(expected, dict):
        return [f"{where}: an expected response is an object (status, headers, json, text)"]
    problems = []
    unknown = set(expected) - {"status", "headers", "json", "text"}
    if unknown:
        problems.append(f"{where}: unknown keys {sorted(unknown)} (status, headers, json, text)")
    status = expected.get("status")
    if "status" in expected and not (
        isinstance(status, int) and not isinstance(status, bool) and 100 <= status <= 599
    ):
        problems.append(f"{where}: status must be an HTTP status code (100-599)")
    headers = expected.get("headers", {})
    if not isinstance(headers, dict):
        problems.append(f"{where}: headers must be an object of name -> value")
    else:
        for name, value in headers.items():
            if not (isinstance(value, str) or is_matcher(value)):
                problems.append(f"{where}: header {name}: a text value or a matcher")
            problems += matcher_problems(value, f"{where}: header {name}")
    if "json" in expected and "text" in expected:
        problems.append(f"{where}: json or text, not both")
    if "json" in expected:
        problems += matcher_problems(expected["json"], f"{where}: body")
    if "text" in expected:
        if not (isinstance(expected["text"], str) or is_matcher(expected["text"])):
            problems.append(f"{where}: text must be text or a matcher")
        problems += matcher_problems(expected["text"], f"{where}: body")
    return problems


def response_mismatch(expected: Any, actual: Any, *, json_match: str = "subset") -> str | None:
    """Compare one HTTP response: status, headers (case-insensitive names), JSON or text body;
    `json_match` "exact": the JSON body's objects have no extra keys at any level."""
    if not isinstance(expected, dict):
        return "the expected response is not valid"
    if not isinstance(actual, dict):
        return "no response"
    if "status" in expected and expected["status"] != actual.get("status"):
        return f"status: expected {_shown(expected['status'])}, got {_shown(actual.get('status'))}"
    headers = actual.get("headers")
    headers = headers if isinstance(headers, dict) else {}
    expected_headers = expected.get("headers", {})
    if not isinstance(expected_headers, dict):
        return "the expected headers are not valid"
    for name, value in expected_headers.items():
        name = str(name)
        problem = mismatch(value, headers.get(name.lower(), ABSENT), f"header {name}")
        if problem:
            return problem
    if "json" in expected:
        if "json" not in actual:
            return "body: expected JSON"
        problem = mismatch(
            expected["json"], actual["json"], "body", exact_objects=json_match == "exact"
        )
        if problem:
            return problem
    if "text" in expected:
        problem = mismatch(expected["text"], actual.get("text", ABSENT), "body")
        if problem:
            return problem
    return None
