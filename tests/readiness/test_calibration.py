"""Difficulty re-estimation: the MAP fit on simulated responses, and the periodic recalibration."""

import datetime
import io
import math
import random

import pytest
from django.core.management import call_command

from readiness.calibration import LABEL_PRIOR_SD, MIN_CANDIDATES, Response, fit_difficulty
from readiness.catalogue import challenge_facts
from readiness.models import ChallengeCalibration, SkillScore
from readiness.recalibration import readiness_recalibrate
from readiness.scoring import score_skills
from readiness.services import readiness_refresh, stored_evidence
from tests.factories import UserFactory, graded_submit, published_challenge


def _simulated(*, true_b: float, n: int, seed: int) -> list[Response]:
    """n attempters with known abilities ~ N(0, 1), each solving (1, 0) or failing (0, 1)."""
    rng = random.Random(seed)
    responses = []
    for _ in range(n):
        theta = rng.gauss(0.0, 1.0)
        solved = rng.random() < 1.0 / (1.0 + math.exp(-(theta - true_b)))
        responses.append(Response(theta=theta, success=float(solved), failure=float(not solved)))
    return responses


@pytest.mark.parametrize(
    ("label", "true_b"), [(0.0, 0.8), (1.0, -0.3), (-1.0, -1.6), (0.0, 0.0), (-1.0, 0.9)]
)
def test_fit_difficulty_recovers_a_known_difficulty_from_many_attempters(label, true_b):
    fitted = fit_difficulty(label=label, responses=_simulated(true_b=true_b, n=4000, seed=7))

    assert fitted == pytest.approx(true_b, abs=0.12)


def test_the_error_shrinks_as_attempters_accumulate():
    true_b, label = 0.9, 0.0
    errors = []
    for n in (20, 200, 2000):
        fits = [
            fit_difficulty(label=label, responses=_simulated(true_b=true_b, n=n, seed=seed))
            for seed in range(20)
        ]
        errors.append(math.sqrt(sum((b - true_b) ** 2 for b in fits) / len(fits)))

    assert errors[0] > errors[1] > errors[2]
    assert errors[2] < 0.1


def test_no_responses_leave_the_label_exactly():
    assert fit_difficulty(label=1.0, responses=[]) == 1.0
    assert fit_difficulty(label=-1.0, responses=[Response(theta=0.3, success=0, failure=0)]) == -1.0


def test_few_responses_move_a_little_towards_the_data_and_stay_near_the_label():
    # Three average candidates solved a challenge labelled hard: easier than labelled, but three
    # solves are weak evidence against the author's label.
    responses = [Response(theta=0.0, success=1.0, failure=0.0)] * 3

    fitted = fit_difficulty(label=1.0, responses=responses)

    assert 0.5 < fitted < 1.0
    # The MAP's stationarity condition holds: (label - b) / sd^2 = sum of (s - n * p).
    p = 1.0 / (1.0 + math.exp(-(0.0 - fitted)))
    assert (1.0 - fitted) / LABEL_PRIOR_SD**2 == pytest.approx(3 * (1.0 - p), abs=1e-9)


def test_the_fit_is_monotone_in_success():
    failing = [Response(theta=0.0, success=0.2, failure=0.8)] * 10
    passing = [Response(theta=0.0, success=0.8, failure=0.2)] * 10

    assert (
        fit_difficulty(label=0.0, responses=passing)
        < 0.0
        < fit_difficulty(label=0.0, responses=failing)
    )


@pytest.mark.django_db
def test_recalibration_fits_the_attempted_challenge_and_rescoring_uses_it():
    now = datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=5)
    easy = published_challenge("easy-query", difficulty="easy", skills={"sql-querying": 1.0})
    rare = published_challenge("rare-query", difficulty="hard", skills={"sql-querying": 1.0})
    users = [UserFactory() for _ in range(MIN_CANDIDATES + 1)]
    # Everyone fails the challenge its author called easy: it is harder than labelled.
    for user in users:
        graded_submit(user, easy, score=0.0, when=now)
        readiness_refresh(user_id=user.pk, challenge_id=easy.pk)
    for user in users[:2]:
        graded_submit(user, rare, score=1.0, when=now)
        readiness_refresh(user_id=user.pk, challenge_id=rare.pk)
    watched = users[-1]
    before = SkillScore.objects.get(user=watched, skill__slug="sql-querying")
    assert challenge_facts([easy.pk])[easy.pk].difficulty == -1.0

    report = readiness_recalibrate()

    assert (report.fitted, report.kept_label, report.rescored) == (1, 1, len(users))
    calibration = ChallengeCalibration.objects.get(challenge=easy)
    assert (calibration.label_difficulty, calibration.candidates) == (-1.0, len(users))
    assert calibration.difficulty > -1.0
    assert not ChallengeCalibration.objects.filter(challenge=rare).exists()
    facts = challenge_facts()
    assert facts[easy.pk].difficulty == calibration.difficulty
    assert facts[rare.pk].difficulty == 1.0
    # Failing a harder challenge says less: the failers' score goes up, and the stored score is
    # exactly what scoring gives with the calibrated difficulty.
    after = SkillScore.objects.get(user=watched, skill__slug="sql-querying")
    assert after.score > before.score
    expected = score_skills(
        evidence=stored_evidence(user_id=watched.pk),
        facts=facts,
        skills=["sql-querying"],
        as_of=after.as_of,
    )["sql-querying"].estimate
    assert (after.score, after.low, after.high) == (expected.score, expected.low, expected.high)


@pytest.mark.django_db
def test_a_challenge_that_falls_below_the_minimum_goes_back_to_its_label():
    challenge = published_challenge("ledger", difficulty="medium", skills={"algorithms": 1.0})
    ChallengeCalibration.objects.create(
        challenge=challenge, difficulty=2.0, label_difficulty=0.0, candidates=9
    )
    user = UserFactory()
    graded_submit(user, challenge, score=1.0)
    readiness_refresh(user_id=user.pk, challenge_id=challenge.pk)

    out = io.StringIO()
    call_command("recalibrate_readiness", stdout=out)

    assert out.getvalue() == (
        "fitted 0 challenge(s), 1 kept at their label (fewer than 5 attempters), "
        "rescored 1 candidate(s)\n"
    )
    assert not ChallengeCalibration.objects.filter(challenge=challenge).exists()
    assert challenge_facts([challenge.pk])[challenge.pk].difficulty == 0.0
