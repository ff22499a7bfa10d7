"""HTTP notation for API scenarios: a step's request and its expected response as a reader of
HTTP expects them, references to earlier responses and matchers in words (kinds/api.js says the
same in the browser)."""

from __future__ import annotations

import re
from urllib.parse import urlencode

from challenges.kinds.base import json_text
from challenges.kinds.python_notation import (
    MAX_DEPTH,
    Words,
    python_expected,
    python_value,
    readable,
)

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


def _looked_up(responses: list, index: int, path: str) -> object:
    """The scalar at `path` ("json.id", "headers.etag", "status") of response `index`, or None
    when it isn't there (header names match in any case, as in HTTP)."""
    value: object = responses[index] if 0 <= index < len(responses) else None
    for part in path.split("."):
        if isinstance(value, list) and part.isdigit():
            value = value[int(part)] if int(part) < len(value) else None
        elif isinstance(value, dict):
            headers = (
                responses[index].get("headers") if isinstance(responses[index], dict) else None
            )
            if part not in value and value is headers:
                part = next((key for key in value if str(key).lower() == part.lower()), part)
            value = value.get(part)
        else:
            return None
    return None if isinstance(value, dict | list) else value


def _words_for_references(value: object, responses: list | None = None, depth: int = 0) -> object:
    """`value` with each reference replaced by what it was in this run (`responses`), or
    described in words where that isn't known."""
    if depth > MAX_DEPTH:
        return value
    if isinstance(value, str):

        def shown(match: re.Match) -> str:
            known = _looked_up(responses or [], int(match[1]), match[2])
            if known is None:
                return f"<{reference_words(int(match[1]), match[2])}>"
            return json_text(known) if isinstance(known, bool) else str(known)

        return REFERENCE.sub(shown, value)
    if isinstance(value, list):
        return [_words_for_references(item, responses, depth + 1) for item in value]
    if isinstance(value, dict):
        return {
            key: _words_for_references(item, responses, depth + 1) for key, item in value.items()
        }
    return value


def http_request(request: dict, responses: list | None = None) -> str:
    """A scenario step as the HTTP request line, headers and body a reader expects; a reference
    to an earlier response as its value in `responses` (a run's), else in words (the statement
    has no run to take its value from)."""
    request = _words_for_references(request, responses if isinstance(responses, list) else None)
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


def http_answered(response: object) -> str:
    """A response the app gave, as HTTP: status line, headers, body, each exactly as answered
    (a body that looks like a matcher is the app's text, not a matcher)."""
    if not isinstance(response, dict):
        return "—" if response is None else python_value(response)
    status = response.get("status")
    lines = [f"HTTP {python_value(status)}" if status is not None else "HTTP (no status)"]
    headers = response.get("headers")
    if isinstance(headers, dict):
        lines += [
            f"{name}: {value if isinstance(value, str) else python_value(value)}"
            for name, value in headers.items()
        ]
    if "json" in response:
        lines += ["", json_text(response["json"])]
    elif "body" in response:
        body = response["body"]
        lines += ["", body if isinstance(body, str) else json_text(body)]
    return "\n".join(lines)
