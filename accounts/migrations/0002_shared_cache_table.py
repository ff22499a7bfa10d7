"""The database cache's table (rate-limit counters), made by `migrate` for every database."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    # Only for caches configured as DatabaseCache; idempotent. Switching CACHE_URL from Redis to
    # the database later needs `manage.py createcachetable` (docs/deployment.md).
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
