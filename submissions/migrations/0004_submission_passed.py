"""Submission.passed, backfilled: accepted submits, and design submits at the pass mark."""

from django.db import migrations, models

# Frozen copies of challenges.kinds.design's pass rule as it was when this migration was written.
DEFAULT_PASS_MARK = 0.7


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _pass_mark(config) -> float:
    mark = config.get("pass_mark") if isinstance(config, dict) else None
    if (_is_int(mark) or isinstance(mark, float)) and 0 < mark <= 1:
        return float(mark)
    return DEFAULT_PASS_MARK


def _rows_pass(config, rows) -> bool:
    rows = [row for row in rows if isinstance(row, dict)] if isinstance(rows, list) else []
    if any(row.get("status") == "pending_review" for row in rows):
        rows = [row for row in rows if row.get("type") != "text"]
    points = sum(row["points"] for row in rows if _is_int(row.get("points")))
    earned = sum(row["earned"] for row in rows if _is_int(row.get("earned")))
    return points > 0 and earned >= _pass_mark(config) * points - 1e-9


def backfill(apps, schema_editor):
    Submission = apps.get_model("submissions", "Submission")
    submits = Submission.objects.filter(mode="submit", status="done")
    submits.filter(verdict="accepted").update(passed=True)
    design = (
        submits.filter(version__challenge__kind="design")
        .exclude(verdict="accepted")
        .values_list("pk", "version__config", "results")
    )
    passed = [pk for pk, config, rows in design.iterator() if _rows_pass(config, rows)]
    for start in range(0, len(passed), 500):
        Submission.objects.filter(pk__in=passed[start : start + 500]).update(passed=True)


class Migration(migrations.Migration):
    dependencies = [
        ("submissions", "0003_review"),
        ("challenges", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="submission",
            name="passed",
            field=models.BooleanField(default=False),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
