"""Result rows name their kind (issue 11): stored results get the kind of their challenge.

The page picks a row's renderer by `row["kind"]`; rows graded before that have none. A row
that already has one keeps it; a row that isn't an object is left as it is (the page shows
such a row generically).
"""

from django.db import migrations

CHUNK = 200


def add_kind(apps, schema_editor):
    Submission = apps.get_model("submissions", "Submission")
    ids = list(Submission.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), CHUNK):
        for pk, kind, results in Submission.objects.filter(
            pk__in=ids[start : start + CHUNK]
        ).values_list("pk", "version__challenge__kind", "results"):
            if not isinstance(results, list):
                continue
            rows = [
                {**row, "kind": kind} if isinstance(row, dict) and "kind" not in row else row
                for row in results
            ]
            if rows != results:
                Submission.objects.filter(pk=pk).update(results=rows)


class Migration(migrations.Migration):
    dependencies = [
        ("submissions", "0005_redact_and_cap_stored_results"),
        ("challenges", "0008_challenge_kind_from_registry"),
    ]

    operations = [migrations.RunPython(add_kind, migrations.RunPython.noop)]
