"""Drafts: a candidate's unsent work per challenge, saved on the server (last write wins)."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from challenges.models import Challenge
from submissions.models import Draft


class DraftRejected(ValueError):
    """The draft can't be stored as sent (too large, or not text)."""


def draft_limit_bytes() -> int:
    """A draft holds what a submit may send: the runner's source limit."""
    return settings.RUNNER["MAX_SOURCE_BYTES"]


def draft_for(*, user: User, challenge: Challenge) -> Draft | None:
    return Draft.objects.filter(user=user, challenge=challenge).first()


@transaction.atomic
def draft_save(
    *, user: User, challenge: Challenge, text: str, now: datetime | None = None
) -> Draft:
    """Store the candidate's draft for the challenge, replacing the one before."""
    if not isinstance(text, str):
        raise DraftRejected("A draft is text.")
    limit = draft_limit_bytes()
    if len(text.encode("utf-8", "surrogatepass")) > limit:
        raise DraftRejected(f"A draft is limited to {limit} bytes, like a submit.")
    if "\x00" in text:
        raise DraftRejected("A draft can't contain NUL characters.")
    draft, _ = Draft.objects.update_or_create(
        user=user,
        challenge=challenge,
        defaults={"text": text, "updated_at": now or timezone.now()},
    )
    return draft


def draft_delete(*, user: User, challenge: Challenge) -> bool:
    """Forget the draft (back to the starter code); False if there was none."""
    deleted, _ = Draft.objects.filter(user=user, challenge=challenge).delete()
    return bool(deleted)
