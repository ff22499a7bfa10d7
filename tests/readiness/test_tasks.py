"""A graded submit queues the candidate's readiness update; the update task is idempotent."""

import datetime

import pytest
from django_tasks_db.models import DBTaskResult
from freezegun import freeze_time

from readiness.models import ChallengeEvidence, SkillScore
from readiness.tasks import READINESS_PRIORITY, submission_graded, update_readiness
from submissions.queueing import submission_graded_on_commit
from tests.factories import UserFactory, graded_submit, published_challenge

pytestmark = pytest.mark.django_db


def queued_updates() -> list[tuple[list, int]]:
    return [
        (task.args_kwargs["args"], task.priority)
        for task in DBTaskResult.objects.filter(task_path="readiness.tasks.update_readiness")
    ]


def test_a_graded_submit_queues_its_candidates_update_after_commit(
    django_capture_on_commit_callbacks,
):
    user = UserFactory()
    challenge = published_challenge("ledger", skills={"money-correctness": 1.0})
    submission = graded_submit(user, challenge, score=1.0)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        submission_graded_on_commit(submission_id=submission.pk)
    assert queued_updates() == []  # nothing before the grade commits

    for callback in callbacks:
        callback()
    assert queued_updates() == [([user.pk, challenge.pk], READINESS_PRIORITY)]


def test_the_update_task_stores_scores_and_running_it_twice_changes_nothing():
    user = UserFactory()
    challenge = published_challenge(
        "ledger", skills={"money-correctness": 0.6, "sql-querying": 0.4}
    )
    submission = graded_submit(user, challenge, score=0.5)

    # Recency is measured from "now": hold it still so the two runs see the same moment.
    with freeze_time(submission.created_at + datetime.timedelta(hours=1)):
        update_readiness.call(user.pk, challenge.pk)
        first = list(SkillScore.objects.values_list("skill__slug", "score", "low", "high"))
        update_readiness.call(user.pk, challenge.pk)
        again = list(SkillScore.objects.values_list("skill__slug", "score", "low", "high"))

    assert sorted(row[0] for row in first) == ["money-correctness", "sql-querying"]
    assert again == first
    assert ChallengeEvidence.objects.filter(user=user).count() == 1


def test_a_hook_for_a_deleted_submission_queues_nothing():
    submission_graded(submission_id=987654)
    assert queued_updates() == []
