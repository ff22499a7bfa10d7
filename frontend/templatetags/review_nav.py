"""{{ user|reviews_waiting }}: the "Reviews (n)" nav link's count, None for non-reviewers."""

from django import template

from submissions.review_queue import reviews_waiting as waiting_for

register = template.Library()


@register.filter
def reviews_waiting(user) -> int | None:
    """One query for staff and employer accounts; none for candidates (see reviews_waiting)."""
    return waiting_for(user)
