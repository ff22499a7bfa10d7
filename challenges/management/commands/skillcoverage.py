"""Canonical skill coverage of a catalogue: `manage.py skillcoverage [PATH...] [--check]`."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from challenges.packages import PackageError, discover, read_package
from challenges.skill_coverage import coverage_markdown, coverage_problems, skill_coverage


class Command(BaseCommand):
    help = (
        "Print how many challenges train each canonical skill per difficulty, as the Markdown "
        "table docs/challenge-format.md shows; --check exits 1 below the catalogue's bar."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", type=Path, help="package folders or their parents")
        parser.add_argument("--check", action="store_true", help="fail below the bar")

    def handle(self, *args, **options):
        paths = options["paths"] or [Path(settings.BASE_DIR) / "challenges" / "catalogue"]
        packages, invalid = [], []
        for folder in discover(paths):
            try:
                packages.append(read_package(folder))
            except PackageError as exc:
                invalid.append(f"{folder.name}: {exc.problems[0]}")
        rows = skill_coverage(packages)
        self.stdout.write(coverage_markdown(rows, challenges=len(packages)), ending="")
        if invalid:
            raise CommandError(f"{len(invalid)} invalid package(s): " + "; ".join(invalid))
        problems = coverage_problems(rows)
        if options["check"] and problems:
            raise CommandError("coverage below the bar: " + "; ".join(problems))
