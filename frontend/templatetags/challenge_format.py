"""Template filters that show case data the way a Python candidate reads it."""

from __future__ import annotations

import json
import pprint
import re

from django import template

register = template.Library()


@register.filter
def python_call(case_input: dict, entrypoint: str) -> str:
    """`{"args": [1], "kwargs": {"a": 2}}` as `entrypoint(1, a=2)`; a class's ops one per line,
    an attribute read without parentheses."""
    if "ops" in case_input:
        return "\n".join(
            str(op["attr"]) if "attr" in op else f"{op.get('method', entrypoint)}({_arguments(op)})"
            for op in case_input["ops"]
        )
    return f"{entrypoint}({_arguments(case_input)})"


@register.filter
def python_value(value: object) -> str:
    """A value as Python writes it (what code returned: shown literally)."""
    return pprint.pformat(value, width=72, sort_dicts=False)


@register.filter
def python_expected(value: object) -> str:
    """An author's expected value as Python, its matchers (`$raises`, `$any`, ...) in words."""
    return pprint.pformat(_readable(value), width=72, sort_dicts=False)


class _Words(str):
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


def _readable(value: object, depth: int = 0) -> object:
    # Depth-capped: an author's expected value is checked at load, but a page never recurses
    # without a bound.
    if depth > 64:
        return _Words("...")
    if isinstance(value, list):
        return [_readable(item, depth + 1) for item in value]
    if not isinstance(value, dict):
        return value
    if len(value) == 1:
        words = _matcher_words(*next(iter(value.items())), depth=depth)
        if words is not None:
            return words
    return {key: _readable(item, depth + 1) for key, item in value.items()}


def _matcher_words(name: object, argument: object, *, depth: int) -> object | None:
    """A matcher as the candidate should read it; None when `name` isn't one we describe."""
    if name == "$any":
        return _Words("<any value>")
    if name == "$raises" and isinstance(argument, dict):
        raised = f"<raises {argument.get('type', 'an exception')}"
        message = argument.get("message")
        if isinstance(message, str):
            raised += f"({message!r})"
        elif isinstance(message, dict) and isinstance(message.get("$regex"), str):
            raised += f" with a message matching {message['$regex']!r}"
        return _Words(raised + ">")
    if name == "$regex" and isinstance(argument, str):
        return _Words(f"<text matching {argument!r}>")
    if name == "$type" and argument in TYPE_WORDS:
        return _Words(f"<{TYPE_WORDS[argument]}>")
    if name == "$len" and isinstance(argument, int):
        return _Words(f"<{argument} items>")
    if name == "$unordered" and isinstance(argument, list):
        return _Words(f"<in any order: {pprint.pformat(_readable(argument, depth + 1))}>")
    if name == "$absent" and argument is True:
        return _Words("<absent>")
    if name in ("$exact", "$subset"):
        return _readable(argument, depth + 1)
    return None


def _arguments(call: dict) -> str:
    parts = [pprint.pformat(arg, width=60, sort_dicts=False) for arg in call.get("args", [])]
    parts += [
        f"{name}={pprint.pformat(value, sort_dicts=False)}"
        for name, value in call.get("kwargs", {}).items()
    ]
    return ", ".join(parts)


@register.filter
def index(sequence: list, position: int) -> object:
    try:
        return sequence[position]
    except (IndexError, TypeError):
        return None


COMPACT_WIDTH = 60


def _compact_or_indented(value: object) -> str:
    """A short JSON body on one line (as HTTP examples are usually written), a long one indented."""
    compact = json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    if len(compact) <= COMPACT_WIDTH:
        return compact
    return json.dumps(value, indent=2, ensure_ascii=False)


REFERENCE = re.compile(r"\{\{\s*(\d+)\.([A-Za-z0-9_.\-]+)\s*\}\}")


def reference_words(index: int, path: str) -> str:
    """`{{0.json.id}}` as a reader says it: "the id returned by step 1" (the JS says the same)."""
    parts = [part for part in path.split(".") if part]
    step = f"step {index + 1}"
    if parts[0] == "status":
        return f"the status of {step}"
    if parts[0] == "headers":
        name = ".".join(parts[1:])
        return f"the {name} header returned by {step}" if name else f"the headers of {step}"
    field = ".".join(parts[1:] if parts[0] == "json" else parts)
    return f"the {field} returned by {step}" if field else f"the body returned by {step}"


def _words_for_references(value: object, depth: int = 0) -> object:
    if depth > 64:
        return value
    if isinstance(value, str):
        return REFERENCE.sub(lambda m: f"<{reference_words(int(m[1]), m[2])}>", value)
    if isinstance(value, list):
        return [_words_for_references(item, depth + 1) for item in value]
    if isinstance(value, dict):
        return {key: _words_for_references(item, depth + 1) for key, item in value.items()}
    return value


@register.filter
def http_request(request: dict) -> str:
    """A scenario step as the HTTP request line, headers and body a reader expects; a reference
    to an earlier response in words (the statement has no run to take its value from)."""
    from urllib.parse import urlencode

    request = _words_for_references(request)
    query = f"?{urlencode(request['query'], doseq=True)}" if request.get("query") else ""
    lines = [f"{str(request.get('method', 'GET')).upper()} {request['path']}{query}"]
    lines += [f"{name}: {value}" for name, value in (request.get("headers") or {}).items()]
    if "json" in request:
        lines += ["", _compact_or_indented(request["json"])]
    elif request.get("body"):
        lines += ["", request["body"]]
    return "\n".join(lines)


def _json_with_words(value: object) -> str:
    """JSON layout with each matcher's words unquoted (as kinds/api.js writes a body)."""
    marks: list[str] = []

    def swap(item: object) -> object:
        if isinstance(item, _Words):
            marks.append(str(item))
            return f"\ue000{len(marks) - 1}\ue000"
        if isinstance(item, list):
            return [swap(inner) for inner in item]
        if isinstance(item, dict):
            return {key: swap(inner) for key, inner in item.items()}
        return item

    text = _compact_or_indented(swap(_readable(value)))
    return re.sub(
        '"\ue000(\\d+)\ue000"',
        lambda m: marks[int(m[1])] if int(m[1]) < len(marks) else m[0],
        text,
    )


@register.filter
def http_response(response: object) -> str:
    """An expected response as HTTP: status line, headers, body; matchers in words."""
    if not isinstance(response, dict):
        return "—" if response is None else python_expected(response)
    status = response.get("status")
    lines = [f"HTTP {python_expected(status)}" if status is not None else "HTTP (any status)"]
    headers = _readable(response.get("headers") or {})
    if isinstance(headers, dict):
        lines += [
            f"{name}: {value if isinstance(value, str) else python_expected(value)}"
            for name, value in headers.items()
        ]
    if "json" in response:
        lines += ["", _json_with_words(response["json"])]
    elif "body" in response:
        body = response["body"]
        lines += ["", body if isinstance(body, str) else _json_with_words(body)]
    return "\n".join(lines)
