"""Reads on submissions (selectors)."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.db.models import Exists, OuterRef, QuerySet

from accounts.models import User
from submissions.models import Submission


def submission_list_for_user(*, user: User, challenge_slug: str = "") -> QuerySet[Submission]:
    """`user`'s own submissions, newest first; only one challenge's when a slug is given."""
    submissions = Submission.objects.filter(user=user).select_related("version__challenge")
    if challenge_slug:
        submissions = submissions.filter(version__challenge__slug=challenge_slug)
    return submissions


def submission_get_for_user(*, user: User, submission_id: int) -> Submission:
    """Raises Submission.DoesNotExist unless `user` owns it."""
    return submission_list_for_user(user=user).get(pk=submission_id)


def solved_challenge_ids(*, user: User | AnonymousUser) -> QuerySet:
    """Ids of the challenges `user` has solved: the one rule for "solved" everywhere (editorial,
    badges, progress, filters). A challenge is solved by a `passed` submission: grading sets it
    from the kind's rule (code: accepted; design: the pass mark) and a review settles it again."""
    return (
        Submission.objects.filter(user=user.pk if user.is_authenticated else None, passed=True)
        .order_by()
        .values_list("version__challenge_id", flat=True)
        .distinct()
    )


def challenge_solved_by(*, user: User | AnonymousUser, challenge_id: int) -> bool:
    """Has `user` solved this challenge (and so earned its editorial)?"""
    return solved_challenge_ids(user=user).filter(version__challenge_id=challenge_id).exists()


def challenges_with_progress(queryset: QuerySet, *, user: User | AnonymousUser) -> QuerySet:
    """Annotate challenges with `solved` and `attempted` for `user`, in the same query."""
    mine = Submission.objects.filter(user=user.pk if user.is_authenticated else None)
    # A custom run tries the candidate's own input, not the challenge: not an attempt.
    attempted = mine.filter(version__challenge=OuterRef("pk")).exclude(mode=Submission.Mode.CUSTOM)
    solved = solved_challenge_ids(user=user).filter(version__challenge_id=OuterRef("pk"))
    return queryset.annotate(solved=Exists(solved), attempted=Exists(attempted))
