"""Template tags that show case data: in its kind's notation (`{% notation %}`), and by index."""

from __future__ import annotations

from django import template

from challenges.kinds import kind_for

register = template.Library()


@register.simple_tag
def notation(kind: str, form: str, value: object, *options: object) -> str:
    """`value` as the kind writes it, e.g. `{% notation challenge.kind "expected" case.expected %}`:
    the forms are the kind's (Kind.notations); the text is escaped like any variable."""
    return kind_for(kind).notation(form, value, *options)


@register.filter
def index(sequence: list, position: int) -> object:
    try:
        return sequence[position]
    except (IndexError, TypeError):
        return None
