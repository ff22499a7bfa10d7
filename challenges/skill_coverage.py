"""How many challenges train each canonical skill, per difficulty (the catalogue's coverage)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from challenges.packages import ChallengePackage
from challenges.skills import CANONICAL_SKILLS

DIFFICULTY_ORDER = ("easy", "medium", "hard")
# The bar the shipped catalogue keeps (issue 11): every skill trained by at least this many
# challenges, with at least one of each difficulty.
MINIMUM_PER_SKILL = 6


@dataclass(frozen=True)
class SkillCoverage:
    slug: str
    name: str
    by_difficulty: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.by_difficulty.values())


def skill_coverage(packages: Iterable[ChallengePackage]) -> list[SkillCoverage]:
    """One row per canonical skill, in the taxonomy's order; a challenge counts once per skill it
    trains, whatever the weight."""
    counts: dict[str, Counter] = {skill.slug: Counter() for skill in CANONICAL_SKILLS}
    for package in packages:
        for slug in package.skills:
            counts[slug][package.difficulty] += 1
    return [
        SkillCoverage(
            slug=skill.slug,
            name=skill.name,
            by_difficulty={level: counts[skill.slug][level] for level in DIFFICULTY_ORDER},
        )
        for skill in CANONICAL_SKILLS
    ]


def coverage_problems(rows: list[SkillCoverage], *, minimum: int = MINIMUM_PER_SKILL) -> list[str]:
    """Skills trained by fewer than `minimum` challenges or missing a difficulty."""
    problems = []
    for row in rows:
        if row.total < minimum:
            problems.append(f"{row.slug}: {row.total} challenges, fewer than {minimum}")
        missing = [level for level, count in row.by_difficulty.items() if not count]
        if missing:
            problems.append(f"{row.slug}: no {' or '.join(missing)} challenge")
    return problems


def coverage_markdown(rows: list[SkillCoverage], *, challenges: int) -> str:
    """The coverage as a Markdown table (what docs/challenge-format.md shows)."""
    lines = [
        f"| skill | easy | medium | hard | challenges (of {challenges}) |",
        "|---|---:|---:|---:|---:|",
    ]
    for row in rows:
        counts = " | ".join(str(row.by_difficulty[level]) for level in DIFFICULTY_ORDER)
        lines.append(f"| {row.name} (`{row.slug}`) | {counts} | {row.total} |")
    return "\n".join(lines) + "\n"
