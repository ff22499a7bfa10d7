"""The canonical backend skills a challenge trains, their weights, and display names of tags."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class CanonicalSkill:
    slug: str
    name: str
    description: str


# The fixed taxonomy the readiness score is computed over (docs/challenge-format.md, "Skills").
# Adding, renaming or removing one is a product decision: scores are per skill, so it needs a
# migration of stored scores, not just an edit here.
CANONICAL_SKILLS: tuple[CanonicalSkill, ...] = (
    CanonicalSkill(
        "python-correctness",
        "Python correctness",
        "Idiomatic, correct Python: edge cases, types, errors and exceptions, state.",
    ),
    CanonicalSkill(
        "algorithms",
        "Data structures & algorithms",
        "Choosing structures and algorithms for service code: intervals, graphs, heaps, hashing.",
    ),
    CanonicalSkill(
        "sql-querying",
        "SQL querying",
        "Joins, filters, anti-joins, grouping and data changes that return exactly the right rows.",
    ),
    CanonicalSkill(
        "sql-analytics",
        "SQL analytics",
        "Window functions, running totals, gaps and islands, reporting queries.",
    ),
    CanonicalSkill(
        "data-modelling",
        "Data modelling",
        "Tables, keys, constraints and indexes that make wrong data impossible and reads fast.",
    ),
    CanonicalSkill(
        "api-design",
        "HTTP & API design",
        "Resources, status codes, validation, pagination, conditional and idempotent requests.",
    ),
    CanonicalSkill(
        "api-security",
        "API security",
        "Authentication, authorisation, signatures, input handling and rate limits.",
    ),
    CanonicalSkill(
        "reliability",
        "Reliability & resilience",
        "Retries, timeouts, circuit breakers, SLOs and failure handling.",
    ),
    CanonicalSkill(
        "concurrency-queues",
        "Concurrency & queues",
        "Races, locking, at-least-once delivery, deduplication, workers and back-pressure.",
    ),
    CanonicalSkill(
        "caching-performance",
        "Caching & performance",
        "Caches, invalidation, indexes, latency percentiles and cost of work.",
    ),
    CanonicalSkill(
        "capacity-estimation",
        "Capacity estimation",
        "Back-of-the-envelope throughput, storage, bandwidth and pool sizing.",
    ),
    CanonicalSkill(
        "distributed-systems",
        "Distributed systems design",
        "Replication, partitioning, consistency, multi-region and event-driven architecture.",
    ),
    CanonicalSkill(
        "money-correctness",
        "Money & correctness",
        "Minor units, rounding, ledgers, reconciliation and exactly-once money movement.",
    ),
)

CANONICAL_SLUGS = frozenset(skill.slug for skill in CANONICAL_SKILLS)
# A challenge trains one to three canonical skills.
MIN_SKILLS, MAX_SKILLS = 1, 3
MAX_SKILL_WEIGHT = 100
# Stored weights are shares adding up to 1, rounded to this many decimals.
WEIGHT_DECIMALS = 3


def skill_weight_problems(skills: Any) -> list[str]:
    """Why `skills` (a manifest's `skills` table: canonical slug -> positive weight) is wrong."""
    if not isinstance(skills, dict):
        return [
            "skills must be a table of 1 to 3 canonical skills with weights, e.g. "
            "skills = { sql-querying = 0.7, data-modelling = 0.3 } (free-form slugs go in tags)"
        ]
    problems = []
    if not MIN_SKILLS <= len(skills) <= MAX_SKILLS:
        problems.append(f"skills must name {MIN_SKILLS} to {MAX_SKILLS} canonical skills")
    for slug, weight in skills.items():
        if slug not in CANONICAL_SLUGS:
            problems.append(
                f"skills: {str(slug)[:64]!r} is not a canonical skill "
                f"(one of {', '.join(sorted(CANONICAL_SLUGS))}; free-form slugs go in tags)"
            )
        elif (
            isinstance(weight, bool)
            or not isinstance(weight, int | float)
            or not math.isfinite(weight)
            or not 0 < weight <= MAX_SKILL_WEIGHT
        ):
            problems.append(
                f"skills: the weight of {slug} must be a number above 0 and at most "
                f"{MAX_SKILL_WEIGHT}"
            )
    return problems


def normalised_weights(skills: dict[str, float]) -> dict[str, float]:
    """Weights as shares adding up to 1 (rounded), by slug; `skills` has no problems."""
    total = sum(skills.values())
    return {slug: round(skills[slug] / total, WEIGHT_DECIMALS) for slug in sorted(skills)}


def skill_definition(slug: str) -> CanonicalSkill:
    """The canonical skill `slug`; KeyError for any other."""
    for skill in CANONICAL_SKILLS:
        if skill.slug == slug:
            return skill
    raise KeyError(slug)


# Tags (free-form slugs) are written in capitals wherever these words appear in their names.
ACRONYMS = frozenset(
    {"api", "apis", "cdn", "cpu", "crud", "dns", "etag", "http", "id", "io", "json", "jwt",
     "orm", "rest", "slo", "sla", "sql", "ttl", "url", "uuid"}
)  # fmt: skip


def tag_name(slug: str) -> str:
    """`api-design` -> "API design", `window-functions` -> "Window functions"."""
    words = [word.upper() if word in ACRONYMS else word for word in slug.split("-") if word]
    if words and words[0] == words[0].lower():
        words[0] = words[0].capitalize()
    return " ".join(words)
