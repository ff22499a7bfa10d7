"""Load challenge packages into the database: `manage.py loadchallenges [PATH...]`.

Packages here are the public catalogue's. A slug held by an organisation's challenge (only
possible for data from before organisation slugs were namespaced) is reported and skipped, never
overwritten; the other packages still load.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from challenges.kinds import kind_for
from challenges.packages import PackageError, discover, read_package
from challenges.services import ImportRefused, challenge_import_package, skills_sync


class Command(BaseCommand):
    help = "Load (idempotently) challenge packages; default: the shipped catalogue."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", type=Path, help="package folders or their parents")

    def handle(self, *args, **options):
        paths = options["paths"] or [Path(settings.BASE_DIR) / "challenges" / "catalogue"]
        try:
            folders = discover(paths)
        except FileNotFoundError as exc:
            raise CommandError(str(exc)) from None
        skills_sync()
        errors: list[PackageError] = []
        refused: list[str] = []
        created = unchanged = 0
        for folder in folders:
            try:
                package = read_package(folder)
            except PackageError as exc:
                errors.append(exc)
                continue
            try:
                outcome = challenge_import_package(package=package)
            except ImportRefused as exc:
                refused.append(str(exc))
                continue
            problem = kind_for(package.kind).trusted_problem(outcome.version)
            if problem:
                self.stderr.write(f"{package.slug}: {problem} (see the log)")
            if outcome.created_version:
                created += 1
                self.stdout.write(f"  {package.slug}: version {outcome.version.number}")
            else:
                unchanged += 1
        self.stdout.write(
            f"{created} new or changed, {unchanged} unchanged, {len(errors)} invalid, "
            f"{len(refused)} refused"
        )
        for reason in refused:
            self.stderr.write(f"refused: {reason}")
        if errors:
            for error in errors:
                self.stderr.write(f"{error.path}:")
                for problem in error.problems:
                    self.stderr.write(f"  - {problem}")
            raise CommandError(f"{len(errors)} package(s) are invalid")
