"""`manage.py runworker --queue authoring` serves the authoring queue, on either task backend."""

from unittest import mock

import pytest
from django.core.management import CommandError, call_command

from submissions.management.commands import runworker


@pytest.fixture
def started(db):
    with (
        mock.patch.object(runworker, "call_command") as worker,
        mock.patch.object(runworker, "cleanup_stale_sandboxes", return_value=0),
        mock.patch.object(runworker.threading, "Thread"),
    ):
        yield worker


def test_the_database_worker_takes_the_queue_name(started, settings):
    settings.TASKS_BACKEND = "db"
    call_command("runworker", "--queue", "authoring")
    ((args, _),) = started.call_args_list
    assert args[0] == "db_worker"
    assert args[args.index("--queue-name") + 1] == "authoring"
    started.reset_mock()
    call_command("runworker")
    ((args, _),) = started.call_args_list
    assert args[args.index("--queue-name") + 1] == "default"


def test_the_rq_worker_takes_the_queue_name(started, settings):
    settings.TASKS_BACKEND = "rq"
    call_command("runworker", "--queue", "authoring")
    started.assert_called_once_with(
        "rqworker", "authoring", "--job-class", "django_tasks_rq.Job", "--with-scheduler"
    )


def test_an_unknown_queue_is_refused(started):
    with pytest.raises(CommandError, match="invalid choice"):
        call_command("runworker", "--queue", "nope")
