"""Skill coverage: counting, the bar, the table; and the shipped catalogue meets the bar."""

import io
import re
from pathlib import Path

from django.conf import settings
from django.core.management import call_command

from challenges.packages import ChallengePackage
from challenges.skill_coverage import coverage_markdown, coverage_problems, skill_coverage
from challenges.skills import CANONICAL_SKILLS


def package(slug: str, difficulty: str, skills: dict[str, float]) -> ChallengePackage:
    return ChallengePackage(
        path=Path(slug), slug=slug, title=slug, kind="python", difficulty=difficulty,
        skills=skills, context="", estimated_minutes=10, statement_md="", starter_code="",
        reference_solution="", config={}, hints=(), editorial_md="", cases=(),
    )  # fmt: skip


def test_a_challenge_counts_once_for_each_skill_it_trains_whatever_the_weight():
    rows = skill_coverage(
        [
            package("a", "easy", {"algorithms": 0.9, "reliability": 0.1}),
            package("b", "hard", {"algorithms": 1.0}),
        ]
    )
    assert [row.slug for row in rows] == [skill.slug for skill in CANONICAL_SKILLS]
    by_slug = {row.slug: row for row in rows}
    assert by_slug["algorithms"].by_difficulty == {"easy": 1, "medium": 0, "hard": 1}
    assert by_slug["algorithms"].total == 2
    assert by_slug["reliability"].by_difficulty == {"easy": 1, "medium": 0, "hard": 0}
    assert by_slug["api-design"].total == 0


def test_the_bar_wants_enough_challenges_and_every_difficulty():
    enough = [
        package(f"p{n}", level, {"algorithms": 1})
        for n, level in enumerate(["easy", "medium", "hard", "easy", "easy", "easy"])
    ]
    problems = coverage_problems(skill_coverage(enough))
    assert not [p for p in problems if p.startswith("algorithms")]
    lopsided = [package(f"p{n}", "easy", {"reliability": 1}) for n in range(7)]
    assert [p for p in coverage_problems(skill_coverage(lopsided)) if "reliability" in p] == [
        "reliability: no medium or hard challenge"
    ]
    assert "api-security: 0 challenges, fewer than 6" in coverage_problems(skill_coverage([]))


def test_the_table_has_a_row_per_skill():
    table = coverage_markdown(
        skill_coverage([package("a", "medium", {"sql-querying": 1})]), challenges=1
    )
    lines = table.splitlines()
    assert lines[0] == "| skill | easy | medium | hard | challenges (of 1) |"
    assert "| SQL querying (`sql-querying`) | 0 | 1 | 0 | 1 |" in lines
    assert len(lines) == 2 + len(CANONICAL_SKILLS)


def catalogue_table() -> str:
    out = io.StringIO()
    call_command("skillcoverage", "--check", stdout=out)
    return out.getvalue()


def test_the_shipped_catalogue_meets_the_bar_and_the_docs_show_its_table():
    table = catalogue_table()  # --check raises CommandError below the bar
    challenges = int(re.search(r"challenges \(of (\d+)\)", table).group(1))
    assert challenges >= 100
    docs = (Path(settings.BASE_DIR) / "docs" / "challenge-format.md").read_text()
    shown = docs.split("<!-- skill-coverage:start -->\n")[1].split("<!-- skill-coverage:end -->")[0]
    assert shown == table, "docs/challenge-format.md: regenerate with `manage.py skillcoverage`"
