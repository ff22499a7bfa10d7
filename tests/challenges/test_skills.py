"""Canonical skills: the taxonomy, weights in packages, the table kept in step, tag names."""

import io
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from challenges.models import Challenge, ChallengeSkill, Skill
from challenges.packages import PackageError, read_package
from challenges.skills import (
    CANONICAL_SKILLS,
    CANONICAL_SLUGS,
    normalised_weights,
    skill_weight_problems,
    tag_name,
)

PACKAGES = Path(__file__).parent / "packages"


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
def test_tag_name(slug, name):
    assert tag_name(slug) == name


def test_the_taxonomy_is_a_fixed_list_of_10_to_14_distinct_skills():
    assert 10 <= len(CANONICAL_SKILLS) <= 14
    assert len(CANONICAL_SLUGS) == len(CANONICAL_SKILLS)
    assert all(skill.name and skill.description for skill in CANONICAL_SKILLS)


@pytest.mark.parametrize(
    ("skills", "problems"),
    [
        ({"sql-querying": 0.7, "data-modelling": 0.3}, []),
        ({"api-design": 3}, []),
        (
            ["python"],
            [
                "skills must be a table of 1 to 3 canonical skills with weights, e.g. "
                "skills = { sql-querying = 0.7, data-modelling = 0.3 } "
                "(free-form slugs go in tags)"
            ],
        ),
        (None, [skill_weight_problems([])[0]]),
        ({}, ["skills must name 1 to 3 canonical skills"]),
        (
            {"algorithms": 1, "api-design": 1, "reliability": 1, "api-security": 1},
            ["skills must name 1 to 3 canonical skills"],
        ),
        (
            {"python": 1},
            [
                "skills: 'python' is not a canonical skill (one of "
                + ", ".join(sorted(CANONICAL_SLUGS))
                + "; free-form slugs go in tags)"
            ],
        ),
        (
            {"algorithms": 0},
            ["skills: the weight of algorithms must be a number above 0 and at most 100"],
        ),
        (
            {"algorithms": True},
            ["skills: the weight of algorithms must be a number above 0 and at most 100"],
        ),
        (
            {"algorithms": float("nan")},
            ["skills: the weight of algorithms must be a number above 0 and at most 100"],
        ),
        (
            {"algorithms": "1"},
            ["skills: the weight of algorithms must be a number above 0 and at most 100"],
        ),
        (
            {"algorithms": 101},
            ["skills: the weight of algorithms must be a number above 0 and at most 100"],
        ),
    ],
)
def test_skill_weight_problems(skills, problems):
    assert skill_weight_problems(skills) == problems


def test_weights_become_shares_adding_up_to_one():
    assert normalised_weights({"reliability": 1, "algorithms": 3}) == {
        "algorithms": 0.75,
        "reliability": 0.25,
    }
    assert normalised_weights({"api-design": 0.2}) == {"api-design": 1.0}


def copy_package(tmp_path, name="late-orders"):
    target = tmp_path / name
    shutil.copytree(PACKAGES / name, target)
    return target


def test_a_package_with_a_skills_list_says_to_use_the_table_and_tags(tmp_path):
    folder = copy_package(tmp_path)
    manifest = folder / "challenge.toml"
    text = manifest.read_text()
    start = text.index("skills = ")
    end = text.index("\n", start)
    manifest.write_text(text[:start] + 'skills = ["sql"]' + text[end:])
    with pytest.raises(PackageError) as error:
        read_package(folder)
    assert error.value.problems == [
        "challenge.toml: skills must be a table of 1 to 3 canonical skills with weights, e.g. "
        "skills = { sql-querying = 0.7, data-modelling = 0.3 } (free-form slugs go in tags)"
    ]


@pytest.mark.django_db
def test_loading_stores_weights_and_tags_and_reloading_replaces_them(tmp_path):
    folder = copy_package(tmp_path)
    call_command("loadchallenges", str(folder), stdout=io.StringIO())
    challenge = Challenge.objects.get(slug="late-orders")
    assert {w.skill.slug: w.weight for w in challenge.skill_weights.all()} == {
        "sql-querying": 0.75,
        "sql-analytics": 0.25,
    }
    assert sorted(challenge.tags.values_list("slug", flat=True)) == ["joins", "sql"]

    manifest = folder / "challenge.toml"
    text = manifest.read_text()
    start = text.index("skills = ")
    end = text.index("\n", start)
    manifest.write_text(text[:start] + "skills = { sql-analytics = 1 }" + text[end:])
    call_command("loadchallenges", str(folder), stdout=io.StringIO())
    assert list(
        ChallengeSkill.objects.filter(challenge=challenge).values_list("skill__slug", "weight")
    ) == [("sql-analytics", 1.0)]


@pytest.mark.django_db
def test_loading_keeps_the_skill_table_in_step_with_the_code(tmp_path):
    Skill.objects.filter(slug="reliability").delete()
    Skill.objects.filter(slug="algorithms").update(name="Old name", position=99)
    call_command("loadchallenges", str(copy_package(tmp_path)), stdout=io.StringIO())
    assert list(Skill.objects.values_list("slug", flat=True)) == [
        skill.slug for skill in CANONICAL_SKILLS
    ]
    assert Skill.objects.get(slug="algorithms").name == "Data structures & algorithms"


@pytest.mark.django_db
def test_an_unknown_skill_is_refused_at_load(tmp_path):
    folder = copy_package(tmp_path)
    manifest = folder / "challenge.toml"
    text = manifest.read_text()
    start = text.index("skills = ")
    end = text.index("\n", start)
    manifest.write_text(text[:start] + "skills = { sql-wizardry = 1 }" + text[end:])
    with pytest.raises(CommandError, match="1 package"):
        call_command("loadchallenges", str(folder), stdout=io.StringIO(), stderr=io.StringIO())
    assert not Challenge.objects.filter(slug="late-orders").exists()
