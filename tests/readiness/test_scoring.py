"""Scoring's item parameters: a skill's share of a challenge sets its slope and location."""

import datetime
import math

import pytest

from readiness.evidence import Attempt, fold_attempts
from readiness.scoring import ChallengeFacts, item_parameters, observation, score_skill

AS_OF = datetime.datetime(2026, 11, 1, tzinfo=datetime.UTC)


def _facts(cid: int, difficulty: float, skills: dict) -> ChallengeFacts:
    return ChallengeFacts(
        id=cid, slug=f"c{cid}", title="C", difficulty=difficulty, label="medium", skills=skills
    )


def test_a_single_skill_challenge_is_plain_rasch():
    assert item_parameters(facts=_facts(1, 1.0, {"algorithms": 1.0}), skill="algorithms") == (
        1.0,
        1.0,
    )


def test_a_shared_challenge_has_a_flatter_slope_and_a_location_scaled_by_the_share():
    facts = _facts(1, 1.0, {"algorithms": 0.5, "sql-querying": 0.5})

    slope, location = item_parameters(facts=facts, skill="algorithms")

    assert slope == pytest.approx(0.5 / math.sqrt(1.0 + math.pi / 8.0 * 0.25))
    assert location == 2.0


def test_observation_carries_the_masses_with_recency_and_the_item_parameters():
    facts = _facts(1, -1.0, {"money-correctness": 0.6, "python-correctness": 0.4})
    evidence = fold_attempts([Attempt(at=AS_OF - datetime.timedelta(days=365), score=0.25)])

    obs = observation(evidence=evidence, facts=facts, skill="money-correctness", as_of=AS_OF)

    assert (obs.success, obs.failure) == (pytest.approx(0.125), pytest.approx(0.375))
    assert obs.difficulty == pytest.approx(-1.0 / 0.6)
    assert obs.discrimination == pytest.approx(0.6 / math.sqrt(1.0 + math.pi / 8.0 * 0.16))
    untrained = observation(evidence=evidence, facts=facts, skill="algorithms", as_of=AS_OF)
    assert (untrained.success, untrained.failure) == (0.0, 0.0)


def test_a_solve_moves_a_skill_less_the_smaller_its_share():
    solved = {1: fold_attempts([Attempt(at=AS_OF, score=1.0)])}
    scores = []
    for share in (1.0, 0.6, 0.3):
        skills = {"algorithms": share} | ({"sql-querying": 1.0 - share} if share < 1 else {})
        result = score_skill(
            evidence=solved,
            facts={1: _facts(1, 0.0, skills)},
            skill="algorithms",
            as_of=AS_OF,
        )
        scores.append(result.estimate.score)

    assert scores[0] > scores[1] > scores[2] > 50.0
