"""The periodic difficulty re-fit: whichever worker finds it due first queues it, once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from readiness.models import RecalibrationSchedule

_NEVER = datetime(2000, 1, 1, tzinfo=UTC)


@transaction.atomic
def recalibration_enqueue_if_due(*, now: datetime | None = None) -> bool:
    """Queue `recalibrate_difficulties` if the last one was queued an interval ago or more.

    Every worker calls this every minute; the guarded UPDATE lets exactly one of them win each
    interval, so the re-fit runs once a day however many workers there are. Returns whether
    this call queued it.
    """
    from readiness.tasks import recalibrate_difficulties

    every = settings.READINESS["RECALIBRATE_EVERY_S"]
    if every <= 0:
        return False
    now = now or timezone.now()
    RecalibrationSchedule.objects.get_or_create(pk=1, defaults={"last_enqueued_at": _NEVER})
    won = RecalibrationSchedule.objects.filter(
        pk=1, last_enqueued_at__lte=now - timedelta(seconds=every)
    ).update(last_enqueued_at=now)
    if won:
        transaction.on_commit(recalibrate_difficulties.enqueue)
    return bool(won)
