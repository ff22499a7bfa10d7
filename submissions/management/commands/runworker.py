"""Start a grading worker: clean up after crashed workers, then run the task worker."""

from __future__ import annotations

import logging
import threading
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import DatabaseError, connection, transaction
from django.utils.module_loading import import_string

from runner.facade import cleanup_stale_sandboxes
from submissions.grading import submissions_requeue_expired

logger = logging.getLogger(__name__)


def sweep_expired_leases() -> None:
    """Requeue submissions whose worker died, while this worker runs (not only at start)."""
    interval = max(1.0, settings.SUBMISSIONS["LEASE_S"] / 2)
    while True:
        time.sleep(interval)
        try:
            with transaction.atomic():
                requeued = submissions_requeue_expired()
            if requeued:
                logger.warning("requeued submissions with expired leases: %s", requeued)
        except DatabaseError:
            logger.exception("lease sweep failed; trying again later")
        finally:
            connection.close()


PERIODIC_INTERVAL_S = 60.0


def run_periodic_hooks() -> None:
    """Call WORKER_PERIODIC_HOOKS every minute (each decides itself whether it is due)."""
    while True:
        time.sleep(PERIODIC_INTERVAL_S)
        for path in settings.WORKER_PERIODIC_HOOKS:
            try:
                import_string(path)()
            except Exception:
                logger.exception("periodic hook %s failed; trying again later", path)
            finally:
                connection.close()


class Command(BaseCommand):
    help = (
        "Remove stale sandboxes, requeue expired grading leases, then run the task worker "
        "(db_worker, or rqworker with TASKS_BACKEND=rq) on one queue: default (grading) or "
        "authoring (validating authors' challenges)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--queue",
            default="default",
            choices=settings.TASK_QUEUES,
            help="the task queue this worker serves (default: default)",
        )
        parser.add_argument(
            "--interval", type=float, default=0.2, help="seconds between queue polls"
        )
        parser.add_argument("--batch", action="store_true", help="exit once the queue is empty")
        parser.add_argument("--max-tasks", type=int, help="exit after this many tasks")
        parser.add_argument("--worker-id", help="a stable id for this worker")

    def handle(self, *args, **options):
        queue = options["queue"]
        threading.Thread(target=sweep_expired_leases, daemon=True, name="lease-sweeper").start()
        threading.Thread(target=run_periodic_hooks, daemon=True, name="periodic-hooks").start()
        removed = cleanup_stale_sandboxes()
        with transaction.atomic():
            requeued = submissions_requeue_expired()
        self.stdout.write(
            f"worker start ({queue} queue): removed {removed} stale sandbox(es), requeued "
            f"{len(requeued)} submission(s) with expired leases"
        )
        if settings.TASKS_BACKEND == "rq":
            # Retries are scheduled with a delay, so the RQ worker runs with its scheduler.
            call_command(
                "rqworker", queue, "--job-class", "django_tasks_rq.Job", "--with-scheduler"
            )
            return
        worker_args = [
            "--interval",
            str(options["interval"]),
            "--no-startup-delay",
            "--queue-name",
            queue,
        ]
        if options["batch"]:
            worker_args.append("--batch")
        if options["max_tasks"]:
            worker_args += ["--max-tasks", str(options["max_tasks"])]
        if options["worker_id"]:
            worker_args += ["--worker-id", options["worker_id"]]
        call_command("db_worker", *worker_args)
