"""Helpers of the public-report tests: a candidate with graded submits and stored scores."""

from __future__ import annotations

import datetime

from challenges.models import Challenge
from challenges.services import skills_sync
from readiness.services import readiness_rebuild
from tests.factories import UserFactory, graded_submit, published_challenge

T0 = datetime.datetime(2026, 6, 1, 12, tzinfo=datetime.UTC)


def challenge(slug: str, **fields) -> Challenge:
    """The published challenge with this slug, made on first use (several candidates share it)."""
    return Challenge.objects.filter(slug=slug).first() or published_challenge(slug, **fields)


def practised_candidate(username: str = "ada", display_name: str = "Ada Lovelace", **extra):
    """A candidate who solved a hard ledger challenge and half-solved an easy SQL one."""
    # A live-server test's flush empties the migration-seeded skills: make them again.
    skills_sync()
    user = UserFactory(username=username, display_name=display_name, **extra)
    ledger = challenge(
        "ledger-rounding",
        title="Ledger rounding",
        difficulty="hard",
        skills={"money-correctness": 1.0},
    )
    report = challenge(
        "monthly-report", title="Monthly report", difficulty="easy", skills={"sql-querying": 1.0}
    )
    graded_submit(user, ledger, score=0.0, when=T0)
    graded_submit(user, ledger, score=1.0, when=T0 + datetime.timedelta(hours=1))
    graded_submit(user, report, score=0.5, when=T0 + datetime.timedelta(hours=2))
    readiness_rebuild(user_id=user.pk)
    return user
