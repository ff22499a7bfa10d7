"""Background tasks of submissions (django.tasks): they take ids and are idempotent."""

from django_tasks import task

from submissions.grading import submission_grade


@task()
def grade_submission(submission_id: int) -> None:
    submission_grade(submission_id=submission_id)
