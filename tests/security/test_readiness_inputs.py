"""Hostile values reaching the readiness update: it stays total and on the 0-100 scale.

A grader bug can store any float as a submission's score (NaN, infinities, negatives, 1e300), a
script can submit one challenge thousands of times, and a client can ask for absurd hint
indexes. The update after grading (readiness_refresh) must neither crash nor store a score off
the scale, and must fold the hostile value exactly as readiness.evidence documents: NaN is not a
grade (left out), anything else is clamped into [0, 1].
"""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from challenges.package_content import MAX_HINTS
from readiness.evidence import HINT_FACTOR, probing_factor
from readiness.models import AssistEvent, ChallengeEvidence, SkillScore
from readiness.services import assist_event_record, readiness_rebuild, readiness_refresh
from submissions.models import Submission
from tests.factories import UserFactory, graded_submit, published_challenge

pytestmark = pytest.mark.django_db

T0 = datetime(2026, 6, 1, 12, tzinfo=UTC)
AS_OF = T0 + timedelta(days=2)

HOSTILE_SCORES = {
    "nan": math.nan,
    "inf": math.inf,
    "-inf": -math.inf,
    "negative": -1.0,
    "-1e300": -1e300,
    "1e300": 1e300,
    "above-one": 2.0,
    "denormal": 5e-324,
    "negative-zero": -0.0,
}
# What folding takes each as (None: left out).
FOLDED = {
    "nan": None,
    "inf": 1.0,
    "-inf": 0.0,
    "negative": 0.0,
    "-1e300": 0.0,
    "1e300": 1.0,
    "above-one": 1.0,
    "denormal": 5e-324,
    "negative-zero": 0.0,
}


def assert_on_the_scale(rows) -> None:
    assert rows
    for row in rows:
        for value in (row.score, row.low, row.high, row.theta, row.evidence):
            assert math.isfinite(value)
        assert 0.0 <= row.low <= row.score <= row.high <= 100.0


def assert_evidence_in_range(evidence: ChallengeEvidence) -> None:
    for mass in (evidence.success, evidence.failure, evidence.best_score):
        assert 0.0 <= mass <= 1.0


@pytest.mark.parametrize("name", HOSTILE_SCORES)
def test_a_hostile_stored_score_never_breaks_the_update(name):
    user = UserFactory()
    challenge = published_challenge(
        "ledger", difficulty="hard", skills={"money-correctness": 0.7, "sql-querying": 0.3}
    )
    graded_submit(user, challenge, score=0.5, when=T0)
    graded_submit(user, challenge, score=HOSTILE_SCORES[name], when=T0 + timedelta(hours=1))

    rows = readiness_refresh(user_id=user.pk, challenge_id=challenge.pk, as_of=AS_OF)

    assert_on_the_scale(rows)
    evidence = ChallengeEvidence.objects.get(user=user, challenge=challenge)
    assert_evidence_in_range(evidence)
    folded = FOLDED[name]
    if folded is None:
        # Left out on PostgreSQL (stored as NaN); SQLite stores NaN as NULL, never a graded score.
        assert (evidence.submits, evidence.success, evidence.failure) == (1, 0.5, 0.5)
    else:
        assert evidence.submits == 2
        assert evidence.best_score == max(0.5, folded)
        assert evidence.success == max(0.5, folded * probing_factor(1))
        assert evidence.failure == 0.5  # the first submit's failure stays
    # The full rebuild reads the same rows and agrees.
    rebuilt = readiness_rebuild(user_id=user.pk, as_of=AS_OF)
    assert_on_the_scale(rebuilt)
    stored = {r.skill.slug: (r.score, r.low, r.high) for r in rows}
    assert {r.skill.slug: (r.score, r.low, r.high) for r in rebuilt if r.skill.slug in stored} == (
        stored
    )


@pytest.mark.parametrize("name", HOSTILE_SCORES)
def test_a_hostile_first_and_only_score_never_breaks_the_update(name):
    user = UserFactory()
    challenge = published_challenge("ledger", skills={"money-correctness": 1.0})
    graded_submit(user, challenge, score=HOSTILE_SCORES[name], when=T0)

    [row] = readiness_refresh(user_id=user.pk, challenge_id=challenge.pk, as_of=AS_OF)

    assert_on_the_scale([row])
    if FOLDED[name] is None:
        assert not ChallengeEvidence.objects.filter(user=user).exists()
        assert row.challenges == 0
    else:
        assert_evidence_in_range(ChallengeEvidence.objects.get(user=user))
        assert row.challenges == 1


def test_the_hostile_value_really_reached_the_database():
    """The tests above are only worth something if the float column keeps what a bug wrote."""
    user = UserFactory()
    challenge = published_challenge("ledger", skills={"money-correctness": 1.0})
    stored = {
        name: Submission.objects.get(pk=graded_submit(user, challenge, score=value).pk).score
        for name, value in HOSTILE_SCORES.items()
    }
    assert stored["inf"] == math.inf
    assert stored["-1e300"] == -1e300
    if connection.vendor == "postgresql":
        assert math.isnan(stored["nan"])
    else:
        assert stored["nan"] is None


def _submitted_many_times(challenge, count: int):
    user = UserFactory()
    Submission.objects.bulk_create(
        Submission(
            user=user,
            version=challenge.current_version,
            mode=Submission.Mode.SUBMIT,
            status=Submission.Status.DONE,
            verdict="wrong_answer",
            score=0.0,
        )
        for _ in range(count)
    )
    for hint in range(3):
        AssistEvent.objects.create(
            user=user, challenge=challenge, kind="hint", index=hint, created_at=T0
        )
    graded_submit(user, challenge, score=1.0, when=datetime.now(UTC) + timedelta(minutes=1))
    return user


def _refresh_counting_queries(user, challenge):
    with CaptureQueriesContext(connection) as queries:
        rows = readiness_refresh(user_id=user.pk, challenge_id=challenge.pk)
    return rows, len(queries)


def test_thousands_of_submits_on_one_challenge_fold_in_the_same_queries_as_three():
    challenge = published_challenge("ledger", skills={"money-correctness": 1.0})
    few, many = _submitted_many_times(challenge, 3), _submitted_many_times(challenge, 3000)

    _, few_queries = _refresh_counting_queries(few, challenge)
    [row], many_queries = _refresh_counting_queries(many, challenge)

    assert many_queries == few_queries
    assert_on_the_scale([row])
    evidence = ChallengeEvidence.objects.get(user=many)
    assert evidence.submits == 3001
    assert evidence.hints_opened == 3
    assert evidence.success == probing_factor(3000) * HINT_FACTOR**3
    assert evidence.failure == 1.0  # the first submit failed; later ones never erase it


@pytest.mark.parametrize("index", [-1, MAX_HINTS, 32767, 10**9, -(10**9), True, "1", 1.5, None])
def test_an_absurd_hint_index_is_refused_and_records_nothing(index):
    user = UserFactory()
    challenge = published_challenge("ledger", skills={"money-correctness": 1.0})

    with pytest.raises(ValueError, match="hint index"):
        assist_event_record(user_id=user.pk, challenge_id=challenge.pk, kind="hint", index=index)

    assert not AssistEvent.objects.exists()


def test_the_editorial_ignores_whatever_index_it_is_given():
    user = UserFactory()
    challenge = published_challenge("ledger", skills={"money-correctness": 1.0})

    event, new = assist_event_record(
        user_id=user.pk, challenge_id=challenge.pk, kind="editorial", index=10**9
    )

    assert (event.index, new) == (0, True)


def test_an_unknown_help_kind_is_refused():
    user = UserFactory()
    challenge = published_challenge("ledger", skills={"money-correctness": 1.0})

    with pytest.raises(ValueError, match="unknown assistance kind"):
        assist_event_record(user_id=user.pk, challenge_id=challenge.pk, kind="solution", index=0)


def test_stored_help_rows_with_absurd_indexes_still_update_within_the_scale():
    """Rows written before validation (or by hand): the largest index the column holds, a few
    hundred distinct hints, and a kind the code doesn't know. The update counts the hints, stays
    on the scale, and ignores the unknown kind."""
    user = UserFactory()
    challenge = published_challenge("ledger", skills={"money-correctness": 1.0})
    opened = T0 - timedelta(days=1)
    AssistEvent.objects.bulk_create(
        [
            *(
                AssistEvent(user=user, challenge=challenge, kind="hint", index=i, created_at=opened)
                for i in range(299)
            ),
            AssistEvent(
                user=user, challenge=challenge, kind="hint", index=32767, created_at=opened
            ),
            AssistEvent(
                user=user, challenge=challenge, kind="solution", index=7, created_at=opened
            ),
        ]
    )
    graded_submit(user, challenge, score=0.0, when=T0)
    graded_submit(user, challenge, score=1.0, when=T0 + timedelta(hours=1))

    [row] = readiness_refresh(user_id=user.pk, challenge_id=challenge.pk, as_of=AS_OF)

    assert_on_the_scale([row])
    evidence = ChallengeEvidence.objects.get(user=user)
    assert (evidence.hints_opened, evidence.editorial_opened) == (300, False)
    assert evidence.success == HINT_FACTOR**300 * probing_factor(1)
    assert evidence.failure == 1.0  # the first submit failed; later ones never erase it00
    assert SkillScore.objects.get(user=user).score == row.score
