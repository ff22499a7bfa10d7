"""GRADED_HOOKS: called after a grade commits; a failing hook never undoes or fails the grade."""

import pytest
from django.test import override_settings

from submissions.queueing import submission_graded_on_commit
from tests.factories import UserFactory, graded_submit, published_challenge

pytestmark = pytest.mark.django_db
received: list[int] = []


def record(*, submission_id: int) -> None:
    received.append(submission_id)


def explode(*, submission_id: int) -> None:
    raise RuntimeError("a hook with a bug")


HOOKS = [
    "tests.submissions.test_graded_hooks.explode",
    "tests.submissions.test_graded_hooks.record",
]


@override_settings(SUBMISSIONS={"GRADED_HOOKS": HOOKS})
def test_each_hook_runs_after_commit_and_a_failing_one_is_only_logged(
    django_capture_on_commit_callbacks, caplog
):
    received.clear()
    submission = graded_submit(UserFactory(), published_challenge("a"), score=1.0)

    with django_capture_on_commit_callbacks(execute=True):
        submission_graded_on_commit(submission_id=submission.pk)
        assert received == []  # not before the commit

    assert received == [submission.pk]
    assert (
        f"graded hook tests.submissions.test_graded_hooks.explode failed for submission "
        f"{submission.pk}"
    ) in caplog.text
