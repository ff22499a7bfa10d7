"""Run one Python program in the sandbox: `manage.py runcode FILE [--stdin FILE] [--json]`."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from runner.facade import InvalidSource, RunSpec, Status, run
from runner.facade import validate_source_bytes as decode_source
from runner.limits import limits_for


class Command(BaseCommand):
    help = "Run a Python program in a one-shot Docker sandbox and print the result."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="the Python program to run")
        parser.add_argument("--stdin", type=Path, help="a file to feed to the program's stdin")
        parser.add_argument("--time-limit", type=float, help="seconds (capped by the settings)")
        parser.add_argument("--memory-limit", type=int, help="MB (capped by the settings)")
        parser.add_argument("--json", action="store_true", help="print exactly one JSON object")

    def handle(self, *args, **options):
        try:
            source = decode_source(options["file"].read_bytes())
            stdin = options["stdin"].read_text() if options["stdin"] else ""
            limits = limits_for(
                time_limit_s=options["time_limit"], memory_mb=options["memory_limit"]
            )
        except InvalidSource as exc:
            raise CommandError(f"{options['file']}: refused: {exc}") from None
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise CommandError(str(exc)) from None
        result = run(RunSpec(source=source, stdin=stdin, limits=limits))
        if options["json"]:
            payload = result.as_dict()
            payload.pop("cases")
            self.stdout.write(json.dumps(payload))
        else:
            self.stdout.write(result.stdout, ending="")
            if result.stderr:
                self.stderr.write(result.stderr, ending="")
            self.stderr.write(
                f"\n[{result.status}] exit={result.exit_code} signal={result.signal} "
                f"wall={result.wall_time_ms}ms cpu={result.cpu_time_ms}ms "
                f"peak={result.peak_memory_kb}KB {result.message}".rstrip()
            )
        if result.status == Status.SANDBOX_ERROR:
            raise SystemExit(2)
