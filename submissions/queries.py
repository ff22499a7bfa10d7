"""Reads on submissions (selectors)."""

from __future__ import annotations

from django.db.models import Q, QuerySet

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


# A submit that solved its challenge: passed (code: accepted; design: the pass mark). An
# accepted submit always passes; saying so keeps rows written without `passed` right.
SOLVING = Q(mode=Submission.Mode.SUBMIT) & (Q(passed=True) | Q(verdict=Submission.Verdict.ACCEPTED))


def challenge_solved_by(*, user: User, challenge_id: int) -> bool:
    """Has `user` earned the editorial: a passed submit (code: accepted; design: the pass mark)?"""
    if not user.is_authenticated:
        return False
    return Submission.objects.filter(
        SOLVING, user=user, version__challenge_id=challenge_id
    ).exists()


def challenges_with_progress(queryset: QuerySet, *, user: User) -> QuerySet:
    """Annotate challenges with `solved` and `attempted` for `user`, in the same query."""
    from django.db.models import Exists, OuterRef

    mine = Submission.objects.filter(user=user.pk if user.is_authenticated else None)
    mine = mine.filter(version__challenge=OuterRef("pk"))
    solved = mine.filter(SOLVING)
    return queryset.annotate(solved=Exists(solved), attempted=Exists(mine))
