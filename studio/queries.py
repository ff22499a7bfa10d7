"""Reads of the studio: the challenges an author may edit, with each one's state."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from accounts.models import User
from challenges.access import access_challenges_for_authoring
from challenges.models import Challenge, ChallengeVersion

MAX_DIFF_LINES = 4000

State = ChallengeVersion.ValidationState


def studio_challenges(*, user: User) -> QuerySet[Challenge]:
    """The challenges `user` may author, their versions prefetched newest first."""
    return (
        access_challenges_for_authoring(user)
        .select_related("organisation", "current_version")
        .prefetch_related(
            Prefetch("versions", queryset=ChallengeVersion.objects.order_by("-number"))
        )
        .order_by("-updated_at", "slug")
    )


def version_state(challenge: Challenge, version: ChallengeVersion | None) -> str:
    """draft, validating, valid, invalid or published: what an author sees of a version."""
    if version is None:
        return "draft"
    if challenge.is_published and challenge.current_version_id == version.pk:
        return "published"
    if version.validation_state in (State.QUEUED, State.RUNNING):
        return "validating"
    if version.validation_state == State.DONE:
        return "valid" if version.validation_ok else "invalid"
    return "draft"


def latest_version(challenge: Challenge) -> ChallengeVersion | None:
    versions = list(challenge.versions.all())
    return max(versions, key=lambda v: v.number) if versions else None


@dataclass(frozen=True)
class FileDiff:
    path: str
    status: str  # added, removed, changed
    lines: list[tuple[str, str]]  # (css class, text)


def files_diff(old: dict[str, str], new: dict[str, str]) -> list[FileDiff]:
    """Per file, a unified diff of `old` against `new` (only files that differ)."""
    diffs = []
    for path in sorted(set(old) | set(new)):
        before, after = old.get(path), new.get(path)
        if before == after:
            continue
        status = "added" if before is None else "removed" if after is None else "changed"
        lines = []
        for line in difflib.unified_diff(
            (before or "").splitlines(),
            (after or "").splitlines(),
            fromfile=f"a/{path}",
            tofile=f"b/{path}",
            lineterm="",
            n=3,
        ):
            kind = (
                "meta"
                if line.startswith(("---", "+++", "@@"))
                else "added"
                if line.startswith("+")
                else "removed"
                if line.startswith("-")
                else "same"
            )
            lines.append((kind, line))
            if len(lines) >= MAX_DIFF_LINES:
                lines.append(("meta", "... (the rest of this file's diff is not shown)"))
                break
        diffs.append(FileDiff(path=path, status=status, lines=lines))
    return diffs
