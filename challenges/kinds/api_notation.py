"""HTTP notation for API scenarios: a step's request and its expected response as a reader of
HTTP expects them, references to earlier responses and matchers in words (kinds/api.js says the
same in the browser)."""

from __future__ import annotations

import re
from urllib.parse import urlencode

from challenges.kinds.base import json_text
from challenges.kinds.python_notation import MAX_DEPTH, Words, python_expected, readable

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
    if depth > MAX_DEPTH:
        return value
    if isinstance(value, str):
        return REFERENCE.sub(lambda m: f"<{reference_words(int(m[1]), m[2])}>", value)
    if isinstance(value, list):
        return [_words_for_references(item, depth + 1) for item in value]
    if isinstance(value, dict):
        return {key: _words_for_references(item, depth + 1) for key, item in value.items()}
    return value


def http_request(request: dict) -> str:
    """A scenario step as the HTTP request line, headers and body a reader expects; a reference
    to an earlier response in words (the statement has no run to take its value from)."""
    request = _words_for_references(request)
    query = f"?{urlencode(request['query'], doseq=True)}" if request.get("query") else ""
    lines = [f"{str(request.get('method', 'GET')).upper()} {request['path']}{query}"]
    lines += [f"{name}: {value}" for name, value in (request.get("headers") or {}).items()]
    if "json" in request:
        lines += ["", json_text(request["json"])]
    elif request.get("body"):
        lines += ["", request["body"]]
    return "\n".join(lines)


def _json_with_words(value: object) -> str:
    """JSON layout with each matcher's words unquoted (as kinds/api.js writes a body)."""
    marks: list[str] = []

    def swap(item: object) -> object:
        if isinstance(item, Words):
            marks.append(str(item))
            return f"\ue000{len(marks) - 1}\ue000"
        if isinstance(item, list):
            return [swap(inner) for inner in item]
        if isinstance(item, dict):
            return {key: swap(inner) for key, inner in item.items()}
        return item

    text = json_text(swap(readable(value)))
    return re.sub(
        '"\ue000(\\d+)\ue000"',
        lambda m: marks[int(m[1])] if int(m[1]) < len(marks) else m[0],
        text,
    )


def http_response(response: object) -> str:
    """An expected response as HTTP: status line, headers, body; matchers in words."""
    if not isinstance(response, dict):
        return "—" if response is None else python_expected(response)
    status = response.get("status")
    lines = [f"HTTP {python_expected(status)}" if status is not None else "HTTP (any status)"]
    headers = readable(response.get("headers") or {})
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
