"""A user's data as one JSON document: what the account page and `GET /api/me/export/` send."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from jobs.models import Application
from readiness.models import AssistEvent, ChallengeEvidence, PublicReport, SkillScore
from submissions.models import Draft, Review, Submission

EXPORT_FORMAT = "interview-platform-account-export/1"


def _when(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _profile(user: User) -> dict[str, Any]:
    return {
        "id": user.pk,
        "username": user.username,
        "display_name": user.display_name,
        "email": user.email,
        "role": user.role,
        "time_zone": user.time_zone,
        "date_joined": _when(user.date_joined),
        "last_login": _when(user.last_login),
    }


def _submissions(user: User) -> list[dict[str, Any]]:
    rows = Submission.objects.filter(user=user).select_related("version__challenge", "review")
    return [
        {
            "id": s.pk,
            "challenge": s.version.challenge.slug,
            "version": s.version.number,
            "mode": s.mode,
            "code": s.code,
            "answers": s.answers,
            "custom_input": s.custom_input,
            "status": s.status,
            "verdict": s.verdict,
            "score": s.score,
            "passed": s.passed,
            "message": s.message,
            # Stored results are already redacted for hidden cases (what the API shows).
            "results": s.results,
            "created_at": _when(s.created_at),
            "finished_at": _when(s.finished_at),
            "review": _review(s),
        }
        for s in rows.order_by("created_at", "id")
    ]


def _review(submission: Submission) -> dict[str, Any] | None:
    review = getattr(submission, "review", None)
    if review is None:
        return None
    # The reviewer's identity is theirs, not the candidate's: only the scores and comment.
    return {
        "scores": review.scores,
        "comment": review.comment,
        "created_at": _when(review.created_at),
    }


def _reviews_given(user: User) -> list[dict[str, Any]]:
    # What the user wrote as a reviewer; the reviewed candidate stays anonymous, as in review.
    rows = Review.objects.filter(reviewer=user).select_related("submission__version__challenge")
    return [
        {
            "challenge": r.submission.version.challenge.slug,
            "scores": r.scores,
            "comment": r.comment,
            "created_at": _when(r.created_at),
        }
        for r in rows.order_by("created_at", "id")
    ]


def _readiness(user: User) -> dict[str, Any]:
    scores = SkillScore.objects.filter(user=user).select_related("skill").order_by("skill__slug")
    evidence = (
        ChallengeEvidence.objects.filter(user=user)
        .select_related("challenge")
        .order_by("challenge__slug")
    )
    return {
        "skill_scores": [
            {
                "skill": row.skill.slug,
                "score": row.score,
                "low": row.low,
                "high": row.high,
                "challenges": row.challenges,
                "evidence": row.evidence,
                "explanation": row.explanation,
                "as_of": _when(row.as_of),
            }
            for row in scores
        ],
        "evidence": [
            {
                "challenge": row.challenge.slug,
                "success": row.success,
                "success_at": _when(row.success_at),
                "failure": row.failure,
                "failure_at": _when(row.failure_at),
                "submits": row.submits,
                "best_score": row.best_score,
                "best_submission": row.best_submission_id,
                "hints_opened": row.hints_opened,
                "editorial_opened": row.editorial_opened,
            }
            for row in evidence
        ],
    }


def _applications(user: User) -> list[dict[str, Any]]:
    rows = Application.objects.filter(candidate=user).select_related("job__organisation")
    return [
        {
            "id": a.pk,
            "job": a.job.title,
            "organisation": a.job.organisation.name,
            "note": a.note,
            "stage": a.stage,
            "created_at": _when(a.created_at),
            # The frozen snapshot as stored, and its digest, so it can be checked.
            "snapshot": json.loads(a.snapshot_json),
            "snapshot_sha256": a.snapshot_sha256,
        }
        for a in rows.order_by("created_at", "id")
    ]


def _reports(user: User, base_url: str) -> list[dict[str, Any]]:
    return [
        {
            "url": base_url + reverse("reports:public", kwargs={"token": r.token}),
            "created_at": _when(r.created_at),
            "revoked_at": _when(r.revoked_at),
        }
        for r in PublicReport.objects.filter(user=user).order_by("created_at", "id")
    ]


def _assists(user: User) -> list[dict[str, Any]]:
    rows = AssistEvent.objects.filter(user=user).select_related("challenge")
    return [
        {
            "challenge": e.challenge.slug,
            "kind": e.kind,
            "index": e.index,
            "created_at": _when(e.created_at),
        }
        for e in rows.order_by("created_at", "id")
    ]


def _drafts(user: User) -> list[dict[str, Any]]:
    rows = Draft.objects.filter(user=user).select_related("challenge")
    return [
        {"challenge": d.challenge.slug, "text": d.text, "updated_at": _when(d.updated_at)}
        for d in rows.order_by("challenge__slug")
    ]


def account_export(*, user: User, base_url: str = "") -> dict[str, Any]:
    """Everything stored about `user` (profile, submissions, readiness, applications, report
    links, assistance events, drafts, the reviews they wrote). `base_url` (scheme and host) makes
    report links absolute."""
    return {
        "format": EXPORT_FORMAT,
        "exported_at": timezone.now().isoformat(),
        "profile": _profile(user),
        "submissions": _submissions(user),
        "readiness": _readiness(user),
        "applications": _applications(user),
        "public_reports": _reports(user, base_url),
        "assist_events": _assists(user),
        "drafts": _drafts(user),
        "reviews_given": _reviews_given(user),
    }


def account_export_filename(user: User) -> str:
    return f"account-{user.pk}-export.json"
