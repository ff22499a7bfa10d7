"""Reads for the review queue: what a reviewer may score, filtered, counted, and what comes next."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from accounts.models import User
from challenges.access import REVIEWER_ROLES, access_challenges_for_review
from challenges.grading import Verdict
from organisations.models import Membership
from submissions.models import Submission

# The organisation filter's value for the public catalogue (no organisation).
CATALOGUE = "catalogue"
MAX_AGE_DAYS = 3650


@dataclass(frozen=True)
class QueueFilters:
    """Which part of the queue to show: empty values filter nothing."""

    challenge: str = ""
    organisation: str = ""
    older_than_days: int | None = None
    newest_first: bool = False

    def as_params(self) -> dict[str, str]:
        """The filters as query-string parameters (only those set)."""
        params = {"challenge": self.challenge, "organisation": self.organisation}
        if self.older_than_days is not None:
            params["older_than"] = str(self.older_than_days)
        if self.newest_first:
            params["order"] = "newest"
        return {key: value for key, value in params.items() if value}


def queue_filters_from(params: Any) -> tuple[QueueFilters, list[str]]:
    """Filters read from query parameters, and what was wrong with them (ignored, not fatal)."""
    problems = []
    challenge = str(params.get("challenge", ""))[:100].strip()
    organisation = str(params.get("organisation", ""))[:100].strip()
    older_than = None
    raw_age = str(params.get("older_than", "")).strip()
    if raw_age:
        if raw_age.isascii() and raw_age.isdigit() and len(raw_age) <= 4:
            older_than = min(int(raw_age), MAX_AGE_DAYS)
        else:
            problems.append(f"“Older than” is a whole number of days (0 to {MAX_AGE_DAYS}).")
    order = str(params.get("order", "")).strip()
    if order not in ("", "oldest", "newest"):
        problems.append("Order is “oldest” or “newest”.")
    filters = QueueFilters(
        challenge=challenge,
        organisation=organisation,
        older_than_days=older_than,
        newest_first=order == "newest",
    )
    return filters, problems


def reviewable(user: User) -> QuerySet[Submission]:
    """Submissions waiting for `user`'s review: never their own (docs/access.md)."""
    return (
        Submission.objects.filter(
            verdict=Verdict.PENDING_REVIEW,
            version__challenge__in=access_challenges_for_review(user),
        )
        .exclude(user_id=user.pk)
        .select_related("version__challenge__organisation")
        .prefetch_related("version__cases")
        .order_by("created_at", "pk")
    )


def review_settled(*, user: User, submission_id: int) -> bool:
    """Was this submission, one `user` may review, already reviewed (by anyone)?"""
    return (
        Submission.objects.filter(
            pk=submission_id,
            review__isnull=False,
            version__challenge__in=access_challenges_for_review(user),
        )
        .exclude(user_id=user.pk)
        .exists()
    )


def review_queue(*, user: User, filters: QueueFilters) -> QuerySet[Submission]:
    """The part of `user`'s queue the filters select, oldest first unless asked otherwise."""
    queue = reviewable(user)
    if filters.challenge:
        queue = queue.filter(version__challenge__slug=filters.challenge)
    if filters.organisation == CATALOGUE:
        queue = queue.filter(version__challenge__organisation__isnull=True)
    elif filters.organisation:
        queue = queue.filter(version__challenge__organisation__slug=filters.organisation)
    if filters.older_than_days:
        cutoff = timezone.now() - timedelta(days=filters.older_than_days)
        queue = queue.filter(created_at__lt=cutoff)
    if filters.newest_first:
        queue = queue.order_by("-created_at", "-pk")
    return queue


def review_queue_facets(*, user: User) -> dict[str, Any]:
    """How many wait in all, per challenge and per organisation (one query)."""
    rows = (
        reviewable(user)
        .order_by()
        .values(
            "version__challenge__slug",
            "version__challenge__title",
            "version__challenge__organisation__slug",
            "version__challenge__organisation__name",
        )
        .annotate(waiting=Count("pk"))
    )
    challenges: dict[str, dict[str, Any]] = {}
    organisations: dict[str, dict[str, Any]] = {}
    for row in rows:
        slug = row["version__challenge__slug"]
        entry = challenges.setdefault(
            slug, {"slug": slug, "title": row["version__challenge__title"], "waiting": 0}
        )
        entry["waiting"] += row["waiting"]
        org = row["version__challenge__organisation__slug"] or CATALOGUE
        name = row["version__challenge__organisation__name"] or "Public catalogue"
        entry = organisations.setdefault(org, {"slug": org, "name": name, "waiting": 0})
        entry["waiting"] += row["waiting"]
    return {
        "total": sum(entry["waiting"] for entry in challenges.values()),
        "challenges": sorted(challenges.values(), key=lambda entry: entry["title"].lower()),
        "organisations": sorted(organisations.values(), key=lambda entry: entry["name"].lower()),
    }


def review_next_after(
    *, user: User, filters: QueueFilters, submission: Submission
) -> Submission | None:
    """The queue's item after `submission` in the filters' order (None at the end)."""
    when, pk = submission.created_at, submission.pk
    if filters.newest_first:
        later = Q(created_at__lt=when) | Q(created_at=when, pk__lt=pk)
    else:
        later = Q(created_at__gt=when) | Q(created_at=when, pk__gt=pk)
    return review_queue(user=user, filters=filters).filter(later).first()


def reviews_waiting(user: User) -> int | None:
    """How many submissions wait for `user`'s review; None when `user` reviews nothing.

    One query, and none at all for candidate accounts that aren't staff, so the pages
    candidates use every day keep their query budgets.
    """
    if not (user and user.is_authenticated and user.is_active):
        return None
    if not user.is_staff and user.role == User.Role.CANDIDATE:
        return None
    # Every row of the queue has the same verdict: grouping by it counts them in one row.
    waiting = (
        reviewable(user)
        .order_by()
        .values("verdict")
        .annotate(waiting=Count("pk"))
        .values("waiting")
    )
    may_review = Exists(Membership.objects.filter(user=OuterRef("pk"), role__in=REVIEWER_ROLES))
    row = (
        User.objects.filter(pk=user.pk)
        .annotate(
            may_review=may_review,
            waiting=Coalesce(Subquery(waiting, output_field=IntegerField()), 0),
        )
        .values_list("may_review", "waiting")
        .first()
    )
    if row is None or not (user.is_staff or row[0]):
        return None
    return row[1]
