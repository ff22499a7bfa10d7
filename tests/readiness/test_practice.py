"""Practise next: lift the weakest heavily-weighted skill, narrow the bands the role weighs."""

import datetime

import pytest

from organisations.models import Membership, Organisation
from readiness.catalogue import label_difficulty
from readiness.estimation import success_probability
from readiness.models import RoleProfile, RoleSkill, SkillScore
from readiness.practice import LIFT_WINDOW, practise_next
from readiness.services import readiness_refresh
from tests.factories import UserFactory, graded_submit, published_challenge

pytestmark = pytest.mark.django_db
T0 = datetime.datetime(2026, 6, 1, 12, tzinfo=datetime.UTC)


def role(weights: dict[str, int], threshold: int = 60) -> RoleProfile:
    profile = RoleProfile.objects.create(slug="test-role", name="Test role", threshold=threshold)
    for slug, weight in weights.items():
        RoleSkill.objects.create(profile=profile, skill_id=_skill(slug), weight=weight)
    return profile


def _skill(slug: str) -> int:
    from challenges.models import Skill

    return Skill.objects.get(slug=slug).pk


def fail(user, challenge):
    graded_submit(user, challenge, score=0.0, when=T0)
    readiness_refresh(user_id=user.pk, challenge_id=challenge.pk, as_of=T0)


def test_lift_targets_the_weakest_weighted_skill_within_the_solve_window():
    user = UserFactory()
    profile = role({"sql-querying": 3, "api-design": 1})
    # Two failed SQL submits make SQL the weakest heavily-weighted skill.
    fail(user, published_challenge("sql-a", difficulty="easy", skills={"sql-querying": 1.0}))
    fail(user, published_challenge("sql-b", difficulty="easy", skills={"sql-querying": 1.0}))
    for label in ("easy", "medium", "hard"):
        published_challenge(f"sql-{label}", difficulty=label, skills={"sql-querying": 1.0})
        published_challenge(f"api-{label}", difficulty=label, skills={"api-design": 1.0})

    plan = practise_next(user=user, role=profile)

    assert plan.weakest.slug == "sql-querying"
    theta = SkillScore.objects.get(user=user, skill__slug="sql-querying").theta
    lifts = [s for s in plan.suggestions if s.aim == "lift"]
    assert {s.skill for s in lifts} == {"sql-querying"}
    chances = {
        slug: success_probability(theta, label_difficulty(label))
        for slug, label in (
            ("sql-a", "easy"),
            ("sql-b", "easy"),
            ("sql-easy", "easy"),
            ("sql-medium", "medium"),
            ("sql-hard", "hard"),
        )
    }
    low, high = LIFT_WINDOW
    in_window = [slug for slug, p in chances.items() if low <= p <= high]
    # The failed easy ones and the fresh easy one sit in the 50-75% window; the harder ones
    # fall below it, so all three lifts are the window's, in slug order (equal chances).
    assert in_window == ["sql-a", "sql-b", "sql-easy"]
    assert [s.slug for s in lifts] == in_window
    assert lifts[0].reason.startswith(
        "SQL querying is your weakest heavily-weighted skill for Test role ("
    )
    assert lifts[0].solve_chance == pytest.approx(chances[lifts[0].slug])


def test_narrow_orders_by_role_weighted_information():
    user = UserFactory()
    # Everyone starts at the prior (theta 0): information p(1-p) is largest at difficulty 0.
    profile = role({"sql-querying": 1, "api-design": 1}, threshold=1)
    published_challenge("medium-sql", difficulty="medium", skills={"sql-querying": 1.0})
    published_challenge("hard-sql", difficulty="hard", skills={"sql-querying": 1.0})
    published_challenge("half-api", difficulty="medium", skills={"api-design": 0.5})
    published_challenge("off-role", difficulty="medium", skills={"caching-performance": 1.0})

    plan = practise_next(user=user, role=profile)

    assert plan.weakest is None  # every skill's prior score clears a threshold of 1
    assert [(s.slug, s.aim) for s in plan.suggestions] == [
        ("medium-sql", "narrow"),
        ("hard-sql", "narrow"),
        ("half-api", "narrow"),
    ]
    p_hard = success_probability(0.0, label_difficulty("hard"))
    assert plan.suggestions[1].information == pytest.approx(0.5 * p_hard * (1 - p_hard), abs=1e-2)
    assert "Narrows the band on SQL" in plan.suggestions[0].reason


def test_only_challenges_the_candidate_may_practise_and_hasnt_solved():
    user = UserFactory()
    mine = Organisation.objects.create(slug="mine", name="Mine")
    theirs = Organisation.objects.create(slug="theirs", name="Theirs")
    Membership.objects.create(organisation=mine, user=user, role=Membership.Role.MEMBER)
    published_challenge("public", skills={"sql-querying": 1.0})
    published_challenge("ours", skills={"sql-querying": 1.0}, organisation=mine)
    published_challenge("private", skills={"sql-querying": 1.0}, organisation=theirs)
    solved = published_challenge("solved", skills={"sql-querying": 1.0})
    graded_submit(user, solved, score=1.0, when=T0)

    slugs = {s.slug for s in practise_next(user=user, role=None).suggestions}

    assert slugs == {"public", "ours"}
