"""Background tasks of readiness (django.tasks): they take ids and are idempotent."""

from __future__ import annotations

from django_tasks import task

from submissions.models import Submission

# After grading on the same queue, but behind any submission waiting to be graded (on
# backends that order by priority; RQ has none and takes them in order).
READINESS_PRIORITY = -10


@task()
def update_readiness(user_id: int, challenge_id: int) -> None:
    """Refold one challenge's evidence for a candidate and rescore its skills."""
    from readiness.services import readiness_refresh

    readiness_refresh(user_id=user_id, challenge_id=challenge_id)


@task()
def recalibrate_difficulties() -> None:
    """Re-fit every challenge's difficulty from the population, then rescore everyone."""
    from readiness.recalibration import readiness_recalibrate

    readiness_recalibrate()


def submission_graded(*, submission_id: int) -> None:
    """GRADED_HOOKS entry: queue the candidate's update for a newly graded submit."""
    found = (
        Submission.objects.filter(pk=submission_id)
        .values_list("user_id", "version__challenge_id")
        .first()
    )
    if found is None:
        return
    task = update_readiness
    if task.get_backend().supports_priority:
        task = task.using(priority=READINESS_PRIORITY)
    task.enqueue(*found)
