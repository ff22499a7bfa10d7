"""Start a grading worker: clean up after crashed workers, then run the task worker."""

from __future__ import annotations

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from runner.facade import cleanup_stale_sandboxes
from submissions.services import submissions_requeue_expired


class Command(BaseCommand):
    help = (
        "Remove stale sandboxes, requeue expired grading leases, then run the task worker "
        "(db_worker, or rqworker with TASKS_BACKEND=rq)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval", type=float, default=0.2, help="seconds between queue polls"
        )
        parser.add_argument("--batch", action="store_true", help="exit once the queue is empty")
        parser.add_argument("--max-tasks", type=int, help="exit after this many tasks")
        parser.add_argument("--worker-id", help="a stable id for this worker")

    def handle(self, *args, **options):
        removed = cleanup_stale_sandboxes()
        with transaction.atomic():
            requeued = submissions_requeue_expired()
        self.stdout.write(
            f"worker start: removed {removed} stale sandbox(es), requeued {len(requeued)} "
            "submission(s) with expired leases"
        )
        if settings.TASKS_BACKEND == "rq":
            # Retries are scheduled with a delay, so the RQ worker runs with its scheduler.
            call_command(
                "rqworker", "default", "--job-class", "django_tasks_rq.Job", "--with-scheduler"
            )
            return
        worker_args = ["--interval", str(options["interval"]), "--no-startup-delay"]
        if options["batch"]:
            worker_args.append("--batch")
        if options["max_tasks"]:
            worker_args += ["--max-tasks", str(options["max_tasks"])]
        if options["worker_id"]:
            worker_args += ["--worker-id", options["worker_id"]]
        call_command("db_worker", *worker_args)
