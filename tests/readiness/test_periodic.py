"""The periodic re-fit is queued once per interval, whichever worker asks first."""

import datetime

import pytest
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from readiness.periodic import recalibration_enqueue_if_due

pytestmark = pytest.mark.django_db
T0 = datetime.datetime(2026, 11, 1, 3, tzinfo=datetime.UTC)
DAY = datetime.timedelta(days=1)


def queued() -> int:
    return DBTaskResult.objects.filter(task_path="readiness.tasks.recalibrate_difficulties").count()


def test_the_first_call_queues_and_the_others_wait_for_the_interval(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        calls = [
            recalibration_enqueue_if_due(now=T0),
            recalibration_enqueue_if_due(now=T0 + datetime.timedelta(minutes=1)),
            recalibration_enqueue_if_due(now=T0 + DAY - datetime.timedelta(seconds=1)),
            recalibration_enqueue_if_due(now=T0 + DAY),
            recalibration_enqueue_if_due(now=T0 + DAY),
        ]
    assert calls == [True, False, False, True, False]
    assert queued() == 2


@override_settings(READINESS={"RECALIBRATE_EVERY_S": 0})
def test_an_interval_of_zero_turns_it_off(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert recalibration_enqueue_if_due(now=T0) is False
    assert queued() == 0
