"""Python notation: case data the way a Python candidate reads it (calls, literals, matchers)."""

from __future__ import annotations

import pprint

# Depth-capped: an author's expected value is checked at load, but a page never recurses without
# a bound.
MAX_DEPTH = 64


def python_call(case_input: dict, entrypoint: str) -> str:
    """`{"args": [1], "kwargs": {"a": 2}}` as `entrypoint(1, a=2)`; a class's ops one per line,
    an attribute read without parentheses."""
    if "ops" in case_input:
        return "\n".join(
            str(op["attr"]) if "attr" in op else f"{op.get('method', entrypoint)}({_arguments(op)})"
            for op in case_input["ops"]
        )
    return f"{entrypoint}({_arguments(case_input)})"


def python_value(value: object) -> str:
    """A value as Python writes it (what code returned: shown literally)."""
    return pprint.pformat(value, width=72, sort_dicts=False)


def python_expected(value: object) -> str:
    """An author's expected value as Python, its matchers (`$raises`, `$any`, ...) in words."""
    return pprint.pformat(readable(value), width=72, sort_dicts=False)


class Words(str):
    """Text that pprint shows as it is (no quotes): a matcher described, not a value."""

    def __repr__(self) -> str:
        return str(self)


TYPE_WORDS = {
    "string": "text",
    "integer": "an integer",
    "number": "a number",
    "boolean": "True or False",
    "null": "None",
    "array": "a list",
    "object": "a dict",
}


def readable(value: object, depth: int = 0) -> object:
    """An author's expected value with each matcher replaced by its Words."""
    if depth > MAX_DEPTH:
        return Words("...")
    if isinstance(value, list):
        return [readable(item, depth + 1) for item in value]
    if not isinstance(value, dict):
        return value
    if len(value) == 1:
        words = _matcher_words(*next(iter(value.items())), depth=depth)
        if words is not None:
            return words
    return {key: readable(item, depth + 1) for key, item in value.items()}


def _matcher_words(name: object, argument: object, *, depth: int) -> object | None:
    """A matcher as the candidate should read it; None when `name` isn't one we describe."""
    if name == "$any":
        return Words("<any value>")
    if name == "$raises" and isinstance(argument, dict):
        raised = f"<raises {argument.get('type', 'an exception')}"
        message = argument.get("message")
        if isinstance(message, str):
            raised += f"({message!r})"
        elif isinstance(message, dict) and isinstance(message.get("$regex"), str):
            raised += f" with a message matching {message['$regex']!r}"
        return Words(raised + ">")
    if name == "$regex" and isinstance(argument, str):
        return Words(f"<text matching {argument!r}>")
    if name == "$type" and argument in TYPE_WORDS:
        return Words(f"<{TYPE_WORDS[argument]}>")
    if name == "$len" and isinstance(argument, int):
        return Words(f"<{argument} items>")
    if name == "$unordered" and isinstance(argument, list):
        return Words(f"<in any order: {pprint.pformat(readable(argument, depth + 1))}>")
    if name == "$absent" and argument is True:
        return Words("<absent>")
    if name in ("$exact", "$subset"):
        return readable(argument, depth + 1)
    return None


def _arguments(call: dict) -> str:
    parts = [pprint.pformat(arg, width=60, sort_dicts=False) for arg in call.get("args", [])]
    parts += [
        f"{name}={pprint.pformat(value, sort_dicts=False)}"
        for name, value in call.get("kwargs", {}).items()
    ]
    return ", ".join(parts)
