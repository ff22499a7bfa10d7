"""Template filters that show case data the way a Python candidate reads it."""

from __future__ import annotations

import pprint

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
    return pprint.pformat(value, width=72, sort_dicts=False)


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


@register.filter
def http_request(request: dict) -> str:
    """A scenario step as the HTTP request line, headers and body a reader expects."""
    from urllib.parse import urlencode

    query = f"?{urlencode(request['query'], doseq=True)}" if request.get("query") else ""
    lines = [f"{request.get('method', 'GET').upper()} {request['path']}{query}"]
    lines += [f"{name}: {value}" for name, value in (request.get("headers") or {}).items()]
    if "json" in request:
        import json

        lines += ["", json.dumps(request["json"], indent=1)]
    elif request.get("body"):
        lines += ["", request["body"]]
    return "\n".join(lines)
