"""Validate challenges in the real sandbox: `manage.py validatechallenges [SLUG...]`."""

from __future__ import annotations

import json
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from challenges.kinds import kind_for
from challenges.models import Challenge
from challenges.validation import ValidationReport, validate_version
from challenges.validation_cache import cache_hit, cache_load, cache_record, cache_save
from runner.facade import harness_digest


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text}"[:300]


def validate_challenge(challenge_id: int, *, threaded: bool = False) -> ValidationReport:
    """Validate one challenge's current version; an unexpected exception is that challenge's
    failure with a one-line reason, never the end of the run."""
    challenge = Challenge.objects.select_related("current_version").get(pk=challenge_id)
    version = challenge.current_version
    try:
        return validate_version(version)
    except Exception as exc:  # one broken challenge must not stop the others
        report = ValidationReport(slug=challenge.slug, version=version.number)
        report.problems.append(f"validation crashed: {_one_line(exc)}")
        return report
    finally:
        if threaded:
            connections.close_all()  # this thread's own connections


class Command(BaseCommand):
    help = (
        "Run each challenge's reference solution (twice), starter and mutants in the sandbox "
        "and report timings, mutants killed and problems. Exits 1 if any challenge fails."
    )

    def add_arguments(self, parser):
        parser.add_argument("slugs", nargs="*", help="default: every challenge")
        parser.add_argument("--json", dest="json_path", help="also write the report as JSON")
        parser.add_argument(
            "--changed",
            action="store_true",
            help="skip challenges whose content and sandbox harness validated OK before "
            "(remembered in --cache)",
        )
        parser.add_argument(
            "--cache",
            type=Path,
            default=None,
            help="the cache of earlier results (default: var/validation-cache.json)",
        )
        parser.add_argument(
            "--jobs",
            type=int,
            default=None,
            help="challenges validated at once (default: the sandbox slots, SANDBOX_CONCURRENCY)",
        )

    def handle(self, *args, **options):
        started = time.monotonic()
        challenges = Challenge.objects.filter(current_version__isnull=False).order_by("slug")
        if options["slugs"]:
            challenges = challenges.filter(slug__in=options["slugs"])
            missing = set(options["slugs"]) - set(challenges.values_list("slug", flat=True))
            if missing:
                raise CommandError(f"unknown challenge(s): {', '.join(sorted(missing))}")
        challenges = list(challenges.select_related("current_version"))
        cache_path = options["cache"] or Path(settings.VAR_DIR) / "validation-cache.json"
        cache = cache_load(cache_path)
        harness = harness_digest()
        skipped = []
        if options["changed"]:
            skipped = [
                c
                for c in challenges
                if cache_hit(
                    cache, slug=c.slug, content=c.current_version.content_digest, harness=harness
                )
            ]
            challenges = [c for c in challenges if c not in skipped]
        jobs = max(1, options["jobs"] or int(settings.RUNNER["CONCURRENCY"]))
        reports = []
        for challenge, report in zip(challenges, self._validate(challenges, jobs), strict=True):
            reports.append(report)
            self._print(challenge, report)
            cache_record(
                cache,
                slug=challenge.slug,
                content=challenge.current_version.content_digest,
                harness=harness,
                ok=report.ok,
            )
            cache_save(cache_path, cache)
        failed = [r for r in reports if not r.ok]
        self.stdout.write(
            f"{len(reports) - len(failed)} valid, {len(failed)} invalid, {len(skipped)} skipped "
            f"(validated before: same content and sandbox harness) in "
            f"{time.monotonic() - started:.0f} s"
        )
        if options["json_path"]:
            skipped_rows = [
                {"slug": c.slug, "version": c.current_version.number, "ok": True, "skipped": True}
                for c in skipped
            ]
            with open(options["json_path"], "w") as handle:
                json.dump([r.as_dict() for r in reports] + skipped_rows, handle, indent=1)
        if failed:
            raise CommandError(f"{len(failed)} challenge(s) failed validation")

    def _validate(self, challenges: list[Challenge], jobs: int):
        """Reports in the challenges' order; up to `jobs` at once (each run takes a slot)."""
        if jobs == 1 or len(challenges) <= 1:
            for challenge in challenges:
                yield validate_challenge(challenge.pk)
            return
        with ThreadPoolExecutor(max_workers=jobs, thread_name_prefix="validate") as pool:
            yield from pool.map(
                lambda pk: validate_challenge(pk, threaded=True), [c.pk for c in challenges]
            )

    def _print(self, challenge: Challenge, report: ValidationReport) -> None:
        mark = "ok  " if report.ok else "FAIL"
        detail = kind_for(challenge.kind).validation_summary(challenge.current_version, report)
        line = f"{mark} {report.slug:<40} v{report.version}  {challenge.kind:<6} {detail}"
        self.stdout.write(line)
        for problem in report.problems:
            self.stdout.write(f"       - {problem}")
        for warning in report.warnings:
            self.stdout.write(f"       ~ warning: {warning}")
