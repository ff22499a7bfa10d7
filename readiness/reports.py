"""Public readiness reports: creating and revoking links, and the document a link shows."""

from __future__ import annotations

import re
import secrets
import unicodedata
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from challenges.models import Challenge
from readiness.models import PublicReport
from readiness.queries import goal_for, readiness_snapshot

REPORT_FORMAT = 1
MAX_ACTIVE_REPORTS = 10
# Links created (revoked or not) in any 24 hours: every link is a row kept for the record.
MAX_REPORTS_PER_DAY = 50
DISPLAY_NAME_MAX = 80
# secrets.token_urlsafe(32) is 43 characters; anything else can't be a token we issued.
TOKEN_LENGTH = 43
_TOKEN = re.compile(r"[A-Za-z0-9_-]{43}")
UNNAMED = "Unnamed candidate"
ISSUED_AT_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


class ReportRejected(Exception):
    """A request the candidate can fix: `field` (or None for the whole request) and why."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def access_can_share_report(user) -> bool:
    """Only signed-in, active candidates have a readiness report to share."""
    return bool(user.is_authenticated and user.is_active and user.role == User.Role.CANDIDATE)


def clean_display_name(raw: object) -> str:
    """The name a report shows: 1-80 visible characters, no control or direction-override marks."""
    if not isinstance(raw, str):
        raise ReportRejected("The display name must be text.", "display_name")
    name = " ".join(raw.split())
    if not name:
        raise ReportRejected("Enter the name your report should show.", "display_name")
    if len(name) > DISPLAY_NAME_MAX:
        raise ReportRejected(
            f"The display name is at most {DISPLAY_NAME_MAX} characters.", "display_name"
        )
    # Cc: control characters; Cf includes the bidirectional overrides that make a name read
    # differently from what it is (zero-width joiners inside emoji are Cf too, and may stay).
    for char in name:
        category = unicodedata.category(char)
        if category == "Cc" or (category == "Cf" and char not in "\u200c\u200d"):
            raise ReportRejected(
                "The display name can't contain control or formatting characters.",
                "display_name",
            )
        if category in {"Cs", "Co", "Cn"}:
            raise ReportRejected("The display name contains an invalid character.", "display_name")
    return name


@transaction.atomic
def report_create(*, user, display_name: str | None = None) -> PublicReport:
    """A new public link to `user`'s readiness report, at most MAX_ACTIVE_REPORTS active.

    The report shows the candidate's display name, never their username: a candidate without
    one must give it here (it becomes their display name).
    """
    if not access_can_share_report(user):
        raise PermissionError("only candidates share readiness reports")
    # The user's row, locked: two requests at once can't both pass the cap.
    locked = get_user_model().objects.select_for_update().get(pk=user.pk)
    if display_name is not None:
        name = clean_display_name(display_name)
        if name != locked.display_name:
            locked.display_name = name
            locked.save(update_fields=["display_name"])
            user.display_name = name
    elif not locked.display_name.strip():
        raise ReportRejected(
            "Choose the name your report shows (your username is never shown).", "display_name"
        )
    active = PublicReport.objects.filter(user=locked, revoked_at__isnull=True).count()
    if active >= MAX_ACTIVE_REPORTS:
        raise ReportRejected(
            f"You have {MAX_ACTIVE_REPORTS} active links, the most allowed: revoke one first."
        )
    since = timezone.now() - timedelta(days=1)
    if PublicReport.objects.filter(user=locked, created_at__gte=since).count() >= (
        MAX_REPORTS_PER_DAY
    ):
        raise ReportRejected(
            f"You created {MAX_REPORTS_PER_DAY} links in the last 24 hours: try again later."
        )
    return PublicReport.objects.create(user=locked, token=secrets.token_urlsafe(32))


@transaction.atomic
def report_revoke(*, user, report_id: int) -> PublicReport:
    """End a link at once. Revoking a revoked link changes nothing; others' links don't exist."""
    now = timezone.now()
    PublicReport.objects.filter(pk=report_id, user=user, revoked_at__isnull=True).update(
        revoked_at=now
    )
    return PublicReport.objects.get(pk=report_id, user=user)


def reports_for(*, user) -> QuerySet[PublicReport]:
    """The candidate's links, newest first (revoked ones too, marked)."""
    return PublicReport.objects.filter(user=user).order_by("-created_at", "-pk")


def report_get_public(*, token: object) -> PublicReport | None:
    """The active report behind a token, or None for anything else (one answer for all)."""
    if not isinstance(token, str) or not _TOKEN.fullmatch(token):
        return None
    return (
        PublicReport.objects.select_related("user")
        .filter(token=token, revoked_at__isnull=True, user__is_active=True)
        .first()
    )


def _public_challenges(slugs: set[str]) -> dict[str, Challenge]:
    """The public catalogue's challenges among `slugs`: an organisation's own stay private."""
    return {
        c.slug: c
        for c in Challenge.objects.filter(
            slug__in=slugs, organisation__isnull=True, is_published=True
        )
    }


def report_payload(*, report: PublicReport, base_url: str) -> dict:
    """What a public link shows (and what is signed): only the report's fields, nothing else.

    Built from the stored readiness (readiness_snapshot) with an allow-list: the display name,
    scores and bands, and evidence from the public catalogue linked to its challenge pages;
    never the username, email, ids of the user or submissions, nor code.
    """
    user = report.user
    role = goal_for(user=user)
    snapshot = readiness_snapshot(user=user, role=role)
    slugs = {e["challenge"] for skill in snapshot["skills"] for e in skill["evidence"]}
    public = _public_challenges(slugs)
    skills = []
    for skill in snapshot["skills"]:
        evidence = [
            {
                "challenge": e["challenge"],
                "title": public[e["challenge"]].title,
                "difficulty": e["difficulty"],
                "best_score": e["best_score"],
                "submits": e["submits"],
                "assisted": bool(e["assisted"]),
                "url": base_url + reverse("frontend:challenge", args=[e["challenge"]]),
            }
            for e in skill["evidence"]
            if e["challenge"] in public
        ]
        skills.append(
            {
                "slug": skill["slug"],
                "name": skill["name"],
                "score": skill["score"],
                "low": skill["low"],
                "high": skill["high"],
                "challenges": skill["challenges"],
                "evidence": evidence,
            }
        )
    payload = {
        "format": REPORT_FORMAT,
        "id": report.pk,
        "issued_at": timezone.now().strftime(ISSUED_AT_FORMAT),
        "platform": base_url,
        "candidate": {"display_name": user.display_name.strip() or UNNAMED},
        "model_version": snapshot["version"],
        "scale": {"min": 0, "max": 100, "band": 0.9},
        "challenge_count": len({e["challenge"] for s in skills for e in s["evidence"]}),
        "skills": skills,
    }
    if "role" in snapshot:
        role_view = snapshot["role"]
        payload["role"] = {
            key: role_view[key]
            for key in ("slug", "name", "threshold", "score", "low", "high", "verdict")
        }
    return payload
