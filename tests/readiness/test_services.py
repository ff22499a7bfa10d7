"""Readiness services over the database: evidence folded from submits, scores stored per skill."""

import datetime

import pytest

from readiness.models import ChallengeEvidence, SkillScore
from readiness.services import assist_event_record, readiness_rebuild, readiness_refresh
from tests.factories import UserFactory, graded_submit, published_challenge

pytestmark = pytest.mark.django_db
T0 = datetime.datetime(2026, 6, 1, 12, tzinfo=datetime.UTC)


def test_an_accept_raises_the_skill_and_narrows_its_band():
    user = UserFactory()
    challenge = published_challenge("ledger", difficulty="hard", skills={"money-correctness": 1.0})
    graded_submit(user, challenge, score=1.0, when=T0)

    [score] = readiness_refresh(user_id=user.pk, challenge_id=challenge.pk, as_of=T0)

    assert score.skill.slug == "money-correctness"
    assert score.challenges == 1
    assert score.score > 50.0
    assert score.high - score.low < 83.83 - 16.17
    evidence = ChallengeEvidence.objects.get(user=user, challenge=challenge)
    assert (evidence.success, evidence.failure, evidence.submits) == (1.0, 0.0, 1)


def test_the_editorial_opened_before_the_solve_leaves_little():
    user = UserFactory()
    challenge = published_challenge("ledger", skills={"money-correctness": 1.0})
    assist_event_record(user_id=user.pk, challenge_id=challenge.pk, kind="editorial", index=0)
    graded_submit(user, challenge, score=1.0, when=datetime.datetime.now(datetime.UTC))

    readiness_refresh(user_id=user.pk, challenge_id=challenge.pk)

    evidence = ChallengeEvidence.objects.get(user=user, challenge=challenge)
    assert evidence.editorial_opened is True
    assert evidence.success == pytest.approx(0.05)
    assert evidence.failure == 0.0


def test_rebuild_matches_incremental_updates():
    user = UserFactory()
    a = published_challenge("a", difficulty="easy", skills={"sql-querying": 0.5, "algorithms": 0.5})
    b = published_challenge("b", difficulty="hard", skills={"sql-querying": 1.0})
    graded_submit(user, a, score=0.5, when=T0)
    graded_submit(user, a, score=1.0, when=T0 + datetime.timedelta(hours=1))
    graded_submit(user, b, score=0.0, when=T0 + datetime.timedelta(hours=2))
    as_of = T0 + datetime.timedelta(days=3)
    readiness_refresh(user_id=user.pk, challenge_id=a.pk, as_of=as_of)
    readiness_refresh(user_id=user.pk, challenge_id=b.pk, as_of=as_of)
    incremental = {
        s.skill.slug: (s.score, s.low, s.high) for s in SkillScore.objects.filter(user=user)
    }

    readiness_rebuild(user_id=user.pk, as_of=as_of)

    rebuilt = {
        s.skill.slug: (s.score, s.low, s.high)
        for s in SkillScore.objects.filter(user=user, skill__slug__in=incremental)
    }
    assert rebuilt == incremental
    assert SkillScore.objects.filter(user=user).count() == 13


def test_the_rebuild_command_fills_scores_for_submissions_graded_before_readiness():
    from io import StringIO

    from django.core.management import call_command

    first, second = UserFactory(), UserFactory()
    challenge = published_challenge("ledger", skills={"money-correctness": 1.0})
    graded_submit(first, challenge, score=1.0, when=T0)
    graded_submit(second, challenge, score=0.0, when=T0)
    out = StringIO()

    call_command("rebuild_readiness", stdout=out)

    assert out.getvalue() == "rebuilt readiness for 2 candidate(s)\n"
    solved = SkillScore.objects.get(user=first, skill__slug="money-correctness")
    failed = SkillScore.objects.get(user=second, skill__slug="money-correctness")
    assert solved.score > 50.0 > failed.score
    assert SkillScore.objects.filter(user=first).count() == 13
