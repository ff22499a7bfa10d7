"""Start a grading worker: clean up after crashed workers, then run the task worker."""

from __future__ import annotations

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from runner.facade import cleanup_stale_sandboxes
from submissions.services import submissions_requeue_expired


class Command(BaseCommand):
    help = "Remove stale sandboxes, requeue expired grading leases, then run db_worker."

    def add_arguments(self, parser):
        parser.add_argument("worker_args", nargs="*", help="arguments passed on to db_worker")

    def handle(self, *args, **options):
        removed = cleanup_stale_sandboxes()
        with transaction.atomic():
            requeued = submissions_requeue_expired()
        self.stdout.write(
            f"worker start: removed {removed} stale sandbox(es), requeued {len(requeued)} "
            "submission(s) with expired leases"
        )
        call_command("db_worker", *options["worker_args"])
