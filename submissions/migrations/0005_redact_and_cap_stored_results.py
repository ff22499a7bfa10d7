"""Stored results from before the hidden-case rules (issue 10): redact and bound them.

Submissions graded earlier may hold what a hidden case printed, raised or took in time, a load
error whose text came from the runner's frames (with every hidden input in it), and values
too deep or too large to render. Every finished submission is rewritten as grading would store
it now: hidden rows keep their name, category, status and hint; a submit's run-level output is
dropped (it mixed hidden cases' with visible ones'); a message that isn't one grading writes
itself is replaced; everything is bounded like new results (submissions/result_caps.py).
"""

import re

from django.db import migrations

# Frozen here: the fields a hidden row may show (challenges/kinds/scoring.py, issue 10).
HIDDEN_ROW_KEYS = ("ordinal", "name", "visibility", "category", "status", "passed", "hint")
REPLACED_MESSAGE = (
    "This submission was graded before hidden cases were fully redacted; its error details "
    "were removed."
)
STANDARD_MESSAGE = re.compile(r"^[A-Z][a-z ]+ on (?P<name>.+)$")
CHUNK = 200


def _redacted_row(row):
    if not isinstance(row, dict):
        return row
    if row.get("visibility") == "hidden" and "type" not in row:  # a code case, not design
        return {key: row[key] for key in HIDDEN_ROW_KEYS if key in row}
    return row


def _message(message, case_names):
    if not message or message.startswith("We could not grade"):
        return message
    match = STANDARD_MESSAGE.match(message)
    if match and match.group("name") in case_names:
        return message
    return REPLACED_MESSAGE


def redact_and_cap(apps, schema_editor):
    from submissions.result_caps import (
        MAX_MESSAGE_CHARS,
        MAX_OUTPUT_CHARS,
        bounded_results,
        bounded_text,
    )

    Submission = apps.get_model("submissions", "Submission")
    TestCase = apps.get_model("challenges", "TestCase")
    names_by_version = {}
    ids = list(
        Submission.objects.filter(status__in=["done", "error"])
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    for start in range(0, len(ids), CHUNK):
        for pk in ids[start : start + CHUNK]:
            query = Submission.objects.filter(pk=pk)
            try:
                version_id, kind, mode, results, stdout, stderr, message = query.values_list(
                    "version_id",
                    "version__challenge__kind",
                    "mode",
                    "results",
                    "stdout",
                    "stderr",
                    "message",
                ).get()
            except (RecursionError, ValueError):
                # Too deep even to read back: nothing of it can be shown anyway.
                query.update(results=[], stdout="", stderr="", message=REPLACED_MESSAGE)
                continue
            if kind == "design":
                query.update(results=bounded_results(results))
                continue
            if version_id not in names_by_version:
                names_by_version[version_id] = set(
                    TestCase.objects.filter(version_id=version_id).values_list("name", flat=True)
                )
            rows = [_redacted_row(row) for row in results] if isinstance(results, list) else []
            submitted = mode == "submit"
            query.update(
                results=bounded_results(rows),
                stdout="" if submitted else bounded_text(stdout, MAX_OUTPUT_CHARS),
                stderr="" if submitted else bounded_text(stderr, MAX_OUTPUT_CHARS),
                message=bounded_text(
                    _message(message, names_by_version[version_id]) if submitted else message,
                    MAX_MESSAGE_CHARS,
                ),
            )


class Migration(migrations.Migration):
    dependencies = [
        ("submissions", "0004_submission_passed"),
        ("challenges", "0001_initial"),
    ]

    operations = [migrations.RunPython(redact_and_cap, migrations.RunPython.noop)]
