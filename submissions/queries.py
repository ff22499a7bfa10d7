"""Reads on submissions (selectors)."""

from __future__ import annotations

from django.db.models import QuerySet

from accounts.models import User
from submissions.models import Submission


def submission_list_for_user(*, user: User) -> QuerySet[Submission]:
    return Submission.objects.filter(user=user).select_related("version__challenge")


def submission_get_for_user(*, user: User, submission_id: int) -> Submission:
    """Raises Submission.DoesNotExist unless `user` owns it."""
    return submission_list_for_user(user=user).get(pk=submission_id)
