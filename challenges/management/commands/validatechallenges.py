"""Validate challenges in the real sandbox: `manage.py validatechallenges [SLUG...]`."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from challenges.kinds import kind_for
from challenges.models import Challenge
from challenges.validation import validate_version


class Command(BaseCommand):
    help = (
        "Run each challenge's reference solution (twice), starter and mutants in the sandbox "
        "and report timings, mutants killed and problems. Exits 1 if any challenge fails."
    )

    def add_arguments(self, parser):
        parser.add_argument("slugs", nargs="*", help="default: every challenge")
        parser.add_argument("--json", dest="json_path", help="also write the report as JSON")

    def handle(self, *args, **options):
        challenges = Challenge.objects.filter(current_version__isnull=False).order_by("slug")
        if options["slugs"]:
            challenges = challenges.filter(slug__in=options["slugs"])
            missing = set(options["slugs"]) - set(challenges.values_list("slug", flat=True))
            if missing:
                raise CommandError(f"unknown challenge(s): {', '.join(sorted(missing))}")
        reports = []
        for challenge in challenges.select_related("current_version"):
            report = validate_version(challenge.current_version)
            reports.append(report)
            mark = "ok  " if report.ok else "FAIL"
            if not kind_for(challenge.kind).runs_code:
                detail = f"{challenge.current_version.cases.count()} questions, answer key checked"
            else:
                detail = (
                    f"slowest {report.slowest_case_ms:>4} ms / limit {report.time_limit_s:g} s  "
                    f"mutants killed {report.mutants_killed}/{len(report.mutants)}"
                )
            self.stdout.write(
                f"{mark} {report.slug:<40} v{report.version}  {challenge.kind:<6} {detail}"
            )
            for problem in report.problems:
                self.stdout.write(f"       - {problem}")
        failed = [r for r in reports if not r.ok]
        self.stdout.write(f"{len(reports) - len(failed)} valid, {len(failed)} invalid")
        if options["json_path"]:
            with open(options["json_path"], "w") as handle:
                json.dump(
                    [r.as_dict() for r in reports],
                    handle,
                    indent=1,
                )
        if failed:
            raise CommandError(f"{len(failed)} challenge(s) failed validation")
