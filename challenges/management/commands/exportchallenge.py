"""Export a challenge's current version as a package folder: `exportchallenge SLUG DIR`."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from challenges.models import Challenge
from challenges.packages import write_package
from challenges.queries import package_for_version


class Command(BaseCommand):
    help = "Write a challenge's current version to DIR/<slug>/ in the package format."

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("directory", type=Path)
        parser.add_argument("--number", type=int, help="a version number (default: current)")

    def handle(self, *args, **options):
        try:
            challenge = Challenge.objects.get(slug=options["slug"])
        except Challenge.DoesNotExist:
            raise CommandError(f"no challenge with slug {options['slug']!r}") from None
        version = (
            challenge.versions.filter(number=options["number"]).first()
            if options["number"]
            else challenge.current_version
        )
        if version is None:
            raise CommandError(f"{challenge.slug} has no such version")
        try:
            target = write_package(package_for_version(version), options["directory"])
        except FileExistsError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(f"{challenge.slug} v{version.number} -> {target}")
