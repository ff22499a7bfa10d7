"""The one "solved" rule: a challenge is solved by a passed submission, wherever it is asked."""

import datetime

from django.contrib.auth.models import AnonymousUser

from challenges.models import Challenge
from challenges.queries import challenge_detail, challenge_list_filtered
from submissions.progress import progress_for_user
from submissions.queries import challenge_solved_by, solved_challenge_ids
from tests.factories import UserFactory
from tests.submissions.test_progress import make_challenge, submit

NOON = datetime.datetime(2025, 3, 10, 12, tzinfo=datetime.UTC)


def everywhere(user, challenge: Challenge) -> dict[str, bool]:
    """What each reader says about `challenge` being solved by `user`."""
    listed = challenge_list_filtered(user=user).get(pk=challenge.pk)
    progress = progress_for_user(user=user, today=NOON.date())
    return {
        "ids": challenge.pk in set(solved_challenge_ids(user=user)),
        "solved_by": challenge_solved_by(user=user, challenge_id=challenge.pk),
        "catalogue": listed.solved,
        "filter": challenge_list_filtered(user=user, progress="solved")
        .filter(pk=challenge.pk)
        .exists(),
        "detail": challenge_detail(user=user, slug=challenge.slug).solved,
        "dashboard": progress.totals.solved == 1,
    }


def test_a_passed_submit_solves_the_challenge_for_every_reader(db):
    ada = UserFactory(username="ada")
    challenge = make_challenge("ledger", title="Ledger")
    assert set(everywhere(ada, challenge).values()) == {False}
    submit(ada, challenge, when=NOON, verdict="wrong_answer", score=0.5)
    submit(ada, challenge, when=NOON, mode="run")  # runs never solve
    assert set(everywhere(ada, challenge).values()) == {False}
    # A design answer at the pass mark passes without being accepted.
    submit(ada, challenge, when=NOON, verdict="pending_review", score=0.8, passed=True)
    assert set(everywhere(ada, challenge).values()) == {True}
    assert set(everywhere(UserFactory(username="bob"), challenge).values()) == {False}


def test_only_passed_counts_not_the_verdict(db):
    ada = UserFactory(username="ada")
    challenge = make_challenge("ledger", title="Ledger")
    # Accepted, then a review took the pass away (or the kind's pass rule said no).
    submit(ada, challenge, when=NOON, verdict="accepted", passed=False)
    assert set(everywhere(ada, challenge).values()) == {False}


def test_nobody_signed_in_has_solved_anything(db):
    challenge = make_challenge("ledger", title="Ledger")
    submit(UserFactory(username="ada"), challenge, when=NOON)
    assert list(solved_challenge_ids(user=AnonymousUser())) == []
    assert challenge_solved_by(user=AnonymousUser(), challenge_id=challenge.pk) is False


def test_solved_ids_are_each_challenge_once(db):
    ada = UserFactory(username="ada")
    first = make_challenge("ledger", title="Ledger")
    second = make_challenge("cache", title="Cache")
    make_challenge("queue", title="Queue")
    for _ in range(3):
        submit(ada, first, when=NOON)
    submit(ada, second, when=NOON)
    assert sorted(solved_challenge_ids(user=ada)) == sorted([first.pk, second.pk])
