"""Skill names from slugs."""

import pytest

from challenges.skills import skill_name


@pytest.mark.parametrize(
    ("slug", "name"),
    [
        ("api-design", "API design"),
        ("sql", "SQL"),
        ("window-functions", "Window functions"),
        ("http-semantics", "HTTP semantics"),
        ("idempotency", "Idempotency"),
        ("rate-limiting-with-ttl", "Rate limiting with TTL"),
        ("", ""),
    ],
)
def test_skill_name(slug, name):
    assert skill_name(slug) == name
