"""Background tasks of challenges (django.tasks): an author's validation, on its own queue."""

from django_tasks import task

from challenges.services import challenge_version_validation_run

AUTHORING_QUEUE = "authoring"


@task(queue_name=AUTHORING_QUEUE)
def validate_challenge_version(version_id: int) -> None:
    """Validate a version in the sandbox; a no-op unless a validation of it is queued."""
    challenge_version_validation_run(version_id=version_id)
