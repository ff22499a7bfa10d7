"""Python expected values: `$raises`, matchers inside return values, and how they compare.

A Python case's expected value is plain JSON compared by the challenge's comparator, as it
always was, unless it holds a matcher (a one-key object whose key starts with `$`):
`{"$raises": {"type": "ValueError", "message": ...}}` as the whole expected value (function
mode) or as one op's (class mode), and the API matchers (`$any`, `$type`, `$regex`, `$len`,
`$unordered`, `$exact`) anywhere in a value. Around matchers, objects compare exactly (the same
keys, unlike API bodies) and the comparator applies to each part without a matcher.

The sandbox reports what the code did (`case_runner.py`): an exception as
`{"__raised__": {"type", "mro", "message"}}`, an op's value that isn't data as
`{"__not_data__": reason}`. Both come from the candidate's process, so everything here is
total over any JSON: a malformed marker is just a value that matches nothing.
"""

from __future__ import annotations

from typing import Any

from challenges.comparators import comparable, compare
from challenges.matchers import MAX_LEN, TYPES, is_matcher, mismatch, pattern_problems

RAISES = "$raises"
# The matchers a Python value may hold ($absent is about API fields that must be missing; a
# Python object compares with its exact keys anyway).
VALUE_MATCHERS = ("$any", "$type", "$regex", "$len", "$unordered", "$exact")
RAISED = "__raised__"
NOT_DATA = "__not_data__"
# The sandbox caps an exception's message at this many characters (case_runner.MAX_MESSAGE).
MAX_MESSAGE = 1000
MAX_TYPE_NAME = 200


# Checking an author's expected value --------------------------------------------------------


def value_problems(expected: Any, where: str) -> list[str]:
    """What is wrong with the matchers in one expected value (no `$raises` in it)."""
    problems: list[str] = []
    stack = [(expected, "$")]
    while stack:
        value, path = stack.pop()
        if is_matcher(value):
            ((name, argument),) = value.items()
            at = f"{where}: {path}"
            if name == RAISES:
                problems.append(
                    f"{at}: $raises is the whole expected value (a function) or one op's "
                    "(a class), never inside a value"
                )
            elif name not in VALUE_MATCHERS:
                problems.append(
                    f"{at}: unknown matcher {name[:40]!r} (known: {', '.join(VALUE_MATCHERS)}, "
                    "$raises)"
                )
            elif name == "$any" and argument is not True:
                problems.append(f"{at}: $any takes true")
            elif name == "$type" and argument not in TYPES:
                problems.append(f"{at}: $type must be one of {', '.join(TYPES)}")
            elif name == "$len" and not (
                isinstance(argument, int)
                and not isinstance(argument, bool)
                and 0 <= argument <= MAX_LEN
            ):
                problems.append(f"{at}: $len must be a whole number from 0 to {MAX_LEN}")
            elif name == "$regex":
                problems += pattern_problems(argument, at)
            elif name == "$unordered":
                if isinstance(argument, list):
                    stack.extend((item, f"{path}[{i}]") for i, item in enumerate(argument))
                else:
                    problems.append(f"{at}: $unordered takes a list")
            elif name == "$exact":
                if isinstance(argument, dict):
                    stack.extend((item, f"{path}.{key}") for key, item in argument.items())
                else:
                    problems.append(f"{at}: $exact takes an object")
        elif isinstance(value, dict):
            stack.extend((item, f"{path}.{key}") for key, item in value.items())
        elif isinstance(value, list):
            stack.extend((item, f"{path}[{i}]") for i, item in enumerate(value))
    return problems


def raises_problems(argument: Any, where: str) -> list[str]:
    """What is wrong with the argument of a `$raises`."""
    if not isinstance(argument, dict):
        return [f'{where}: $raises takes {{"type": "ExceptionName", "message": ...}}']
    problems = []
    unknown = sorted(set(argument) - {"type", "message"})
    if unknown:
        problems.append(f"{where}: $raises has unknown keys {unknown} (type, message)")
    kind = argument.get("type")
    if not (isinstance(kind, str) and kind.isidentifier() and len(kind) <= MAX_TYPE_NAME):
        problems.append(f"{where}: $raises type must be an exception class's name (an identifier)")
    if "message" in argument:
        message = argument["message"]
        if isinstance(message, str):
            if len(message) > MAX_MESSAGE:
                problems.append(
                    f"{where}: a $raises message is at most {MAX_MESSAGE} characters "
                    "(longer messages are cut to that)"
                )
        elif is_matcher(message):
            problems += value_problems(message, f"{where}: $raises message")
        else:
            problems.append(f"{where}: a $raises message is text or a matcher")
    return problems


def outcome_problems(expected: Any, where: str) -> list[str]:
    """Problems with the expected outcome of one call: a `$raises` or a value."""
    if is_raises(expected):
        return raises_problems(expected[RAISES], where)
    return value_problems(expected, where)


def expected_problems(expected: Any, ops: list | None, where: str) -> list[str]:
    """Problems with a function-mode case's expected value (`ops` None) or a class case's."""
    if ops is None:
        return outcome_problems(expected, where)
    if not uses_matchers(expected):
        return []
    if not isinstance(expected, list) or len(expected) != len(ops):
        return [
            f"{where}: with matchers or $raises, expected is a list with one value per op "
            f"({len(ops)})"
        ]
    problems = []
    for index, value in enumerate(expected):
        problems += outcome_problems(value, f"{where}: op {index + 1}")
    if is_raises(expected[0]) and len(ops) > 1:
        problems.append(
            f"{where}: op 1 (the constructor) raises, so no other op can run: "
            "give this case only that op"
        )
    return problems


def uses_matchers(value: Any) -> bool:
    """Does an expected value hold any matcher (including `$raises`)?"""
    stack = [value]
    while stack:
        item = stack.pop()
        if is_matcher(item):
            return True
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def is_raises(value: Any) -> bool:
    return isinstance(value, dict) and len(value) == 1 and RAISES in value


# What the sandbox reported ------------------------------------------------------------------


def raised_info(value: Any) -> dict | None:
    """The exception a reported value stands for, or None if it is a plain value."""
    if isinstance(value, dict) and len(value) == 1 and isinstance(value.get(RAISED), dict):
        return value[RAISED]
    return None


def not_data_reason(value: Any) -> str | None:
    if isinstance(value, dict) and len(value) == 1 and isinstance(value.get(NOT_DATA), str):
        return value[NOT_DATA][:MAX_MESSAGE]
    return None


def _raised_words(info: dict) -> str:
    kind = info.get("type")
    message = info.get("message")
    kind = kind[:MAX_TYPE_NAME] if isinstance(kind, str) else "an exception"
    message = message[:MAX_MESSAGE] if isinstance(message, str) else ""
    return f"raised {kind}: {message}" if message else f"raised {kind}"


def _op_label(ops: list, index: int) -> str:
    op = ops[index] if index < len(ops) and isinstance(ops[index], dict) else {}
    name = op.get("method") or op.get("attr")
    if index == 0:
        return "op 1 (the constructor)"
    return f"op {index + 1} (`{name}`)" if isinstance(name, str) else f"op {index + 1}"


def unexpected_outcome(expected: Any, actual: Any, ops: list | None) -> str | None:
    """Why a case that ran must count as a runtime error: it raised where a value was expected,
    or an op returned something that isn't data where its value matters. None otherwise."""
    if ops is None:
        info = raised_info(actual)
        if info is not None and not is_raises(expected):
            return _raised_words(info)
        return None
    if not isinstance(actual, list):
        return None
    wanted = expected if isinstance(expected, list) else []
    for index, value in enumerate(actual):
        want = wanted[index] if index < len(wanted) else None
        info = raised_info(value)
        if info is not None and not is_raises(want):
            return f"{_op_label(ops, index)} {_raised_words(info)}"
        reason = not_data_reason(value)
        if reason is not None and want != {"$any": True}:
            return f"{_op_label(ops, index)}: {reason}"
    return None


# Comparing -------------------------------------------------------------------------------


def matches(
    expected: Any,
    actual: Any,
    *,
    comparator: str,
    options: dict | None = None,
    class_mode: bool = False,
) -> bool:
    """Does `actual` pass against `expected`? Without matchers (or reported exceptions) this is
    exactly `compare(comparator, ...)`; total over any JSON on either side."""
    options = options if isinstance(options, dict) else {}
    if not uses_matchers(expected) and not _reports_outcomes(actual, class_mode):
        return compare(comparator, expected, actual, options)
    try:
        if class_mode:
            return (
                isinstance(expected, list)
                and isinstance(actual, list)
                and len(expected) == len(actual)
                and all(
                    _outcome(e, a, comparator, options)
                    for e, a in zip(expected, actual, strict=True)
                )
            )
        return _outcome(expected, actual, comparator, options)
    except (RecursionError, TypeError, ValueError, OverflowError):
        return False


def _reports_outcomes(actual: Any, class_mode: bool) -> bool:
    values = actual if class_mode and isinstance(actual, list) else [actual]
    return any(raised_info(v) is not None or not_data_reason(v) is not None for v in values)


def _outcome(expected: Any, actual: Any, comparator: str, options: dict) -> bool:
    """One call's outcome: a `$raises` against a reported exception, or a value."""
    info = raised_info(actual)
    if is_raises(expected):
        return info is not None and _raised_matches(expected[RAISES], info)
    if info is not None:
        return False
    if not_data_reason(actual) is not None:
        return expected == {"$any": True}
    return _value(expected, actual, comparator, options, top=True)


def _raised_matches(want: Any, info: dict) -> bool:
    if not isinstance(want, dict):
        return False
    mro = info.get("mro")
    names = [name for name in mro if isinstance(name, str)] if isinstance(mro, list) else []
    if want.get("type") not in names and want.get("type") != info.get("type"):
        return False
    if "message" not in want:
        return True
    message = info.get("message")
    if not isinstance(message, str):
        return False
    if isinstance(want["message"], str):
        return want["message"] == message
    return mismatch(want["message"], message) is None


def _value(expected: Any, actual: Any, comparator: str, options: dict, *, top: bool) -> bool:
    if not uses_matchers(expected):
        # The comparator's own rule; `unordered` is about the returned list itself, so deeper
        # parts compare exactly (as they always have).
        if not top and comparator == "unordered":
            comparator = "exact"
        return compare(comparator, expected, actual, options)
    if not comparable(actual):
        return False
    if is_matcher(expected):
        ((name, argument),) = expected.items()
        if name == "$any":
            return True
        if name in ("$type", "$regex", "$len"):
            return mismatch(expected, actual) is None
        if name == "$unordered":
            return _multiset(argument, actual, comparator, options)
        if name == "$exact" and isinstance(argument, dict):
            return _value(argument, actual, comparator, options, top=False)
        return False
    if isinstance(expected, dict):
        return (
            isinstance(actual, dict)
            and set(expected) == set(actual)
            and all(
                _value(value, actual[key], comparator, options, top=False)
                for key, value in expected.items()
            )
        )
    if isinstance(expected, list):
        if top and comparator == "unordered":
            return _multiset(expected, actual, comparator, options)
        return (
            isinstance(actual, list)
            and len(expected) == len(actual)
            and all(
                _value(e, a, comparator, options, top=False)
                for e, a in zip(expected, actual, strict=True)
            )
        )
    return False


def _multiset(expected: Any, actual: Any, comparator: str, options: dict) -> bool:
    """Each expected item matches a different actual item (first fit, like the API's
    `$unordered`: write the most specific items first)."""
    if not isinstance(expected, list) or not isinstance(actual, list):
        return False
    if len(expected) != len(actual):
        return False
    remaining = list(actual)
    for item in expected:
        index = next(
            (
                i
                for i, candidate in enumerate(remaining)
                if _value(item, candidate, comparator, options, top=False)
            ),
            None,
        )
        if index is None:
            return False
        del remaining[index]
    return True
