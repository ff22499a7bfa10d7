"""Help a candidate opens on a challenge: hints one at a time, and the editorial, each recorded.

Opening help is what readiness discounts (readiness.evidence): the texts leave the server only
through these functions, after the opening is recorded, so no page or API can show a hint that
does not count.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from challenges.models import Challenge, ChallengeVersion
from readiness.models import AssistEvent
from readiness.services import assist_event_record


@dataclass(frozen=True)
class AssistsOpened:
    """Which help a candidate has opened on one challenge."""

    hint_indexes: frozenset[int]
    editorial: bool

    def hints_shown(self, hints: list[str]) -> list[str]:
        """The opened hints' texts, in order: always hints 1..n (they open one after another)."""
        return [text for index, text in enumerate(hints) if index in self.hint_indexes]


NONE_OPENED = AssistsOpened(hint_indexes=frozenset(), editorial=False)


def assists_opened(*, user, challenge_id: int) -> AssistsOpened:
    """The help `user` opened on a challenge (nothing for an anonymous visitor)."""
    if not user.is_authenticated:
        return NONE_OPENED
    rows = AssistEvent.objects.filter(user=user, challenge_id=challenge_id).values_list(
        "kind", "index"
    )
    hints = frozenset(index for kind, index in rows if kind == AssistEvent.Kind.HINT)
    editorial = any(kind == AssistEvent.Kind.EDITORIAL for kind, _ in rows)
    return AssistsOpened(hint_indexes=hints, editorial=editorial)


class AssistRefused(Exception):
    """The help asked for can't be opened (none exists, none left, or an earlier hint is closed)."""


@dataclass(frozen=True)
class HintOpened:
    number: int  # 1-based, as the page shows it
    text: str
    opened: int  # hints open now, this one included
    total: int
    new: bool  # False: it was already open (a replay changes nothing)


def _next_closed(hints: list[str], opened: frozenset[int]) -> int | None:
    return next((index for index in range(len(hints)) if index not in opened), None)


@transaction.atomic
def assist_hint_open(
    *, user, challenge: Challenge, version: ChallengeVersion, number: int | None = None
) -> HintOpened:
    """Open the candidate's next hint of the challenge's current version, or hint `number` again.

    Hints open in order: asking for a later one than the next closed hint is refused, so the
    record always says how much help came before a submit. Asking for an open one returns it
    without a new event (a double click or a replayed request opens nothing more).
    """
    hints = list(version.hints)
    if not hints:
        raise AssistRefused("This challenge has no hints.")
    opened = assists_opened(user=user, challenge_id=challenge.pk).hint_indexes
    if number is not None:
        if not 1 <= number <= len(hints):
            raise AssistRefused(
                f"This challenge has {len(hints)} hint(s): ask for 1 to {len(hints)}."
            )
        index = number - 1
        if index not in opened:
            first_closed = _next_closed(hints, opened)
            if index != first_closed:
                raise AssistRefused(f"Hints open in order: open hint {first_closed + 1} first.")
    else:
        index = _next_closed(hints, opened)
        if index is None:
            raise AssistRefused(f"All {len(hints)} hint(s) are already open.")
    _, new = assist_event_record(
        user_id=user.pk, challenge_id=challenge.pk, kind=AssistEvent.Kind.HINT, index=index
    )
    shown = opened | {index}
    return HintOpened(
        number=index + 1,
        text=hints[index],
        opened=len([i for i in shown if i < len(hints)]),
        total=len(hints),
        new=new,
    )


@transaction.atomic
def assist_editorial_open(*, user, challenge: Challenge, version: ChallengeVersion) -> str:
    """Record that the candidate opened the editorial, then return its (sanitised) HTML.

    A solve after this counts for little toward readiness (readiness.evidence.EDITORIAL_FACTOR).
    """
    if not version.editorial_html:
        raise AssistRefused("This challenge has no editorial.")
    assist_event_record(user_id=user.pk, challenge_id=challenge.pk, kind=AssistEvent.Kind.EDITORIAL)
    return version.editorial_html
