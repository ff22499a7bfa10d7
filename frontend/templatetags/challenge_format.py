"""Template filters that show case data the way a Python candidate reads it."""

from __future__ import annotations

import pprint

from django import template

register = template.Library()


@register.filter
def python_call(case_input: dict, entrypoint: str) -> str:
    """`{"args": [1], "kwargs": {"a": 2}}` as `entrypoint(1, a=2)`."""
    if "ops" in case_input:
        return "\n".join(
            f"{op.get('method', entrypoint)}({_arguments(op)})" for op in case_input["ops"]
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
