"""One cache for every process: rate limits counted by one web process bind the others."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from rest_framework.test import APIClient

from config.cache_url import cache_from_url
from tests import worker_process
from tests.factories import UserFactory

# A window longer than any test run (a century), so no window boundary can fall inside the test.
ONE_BUDGET_PER_CENTURY = "3/36500d"

ANOTHER_PROCESS = """
import json, os
import django
django.setup()
from django.test import Client, override_settings
with override_settings(AUTH_THROTTLE_RATES=json.loads(os.environ["RATES"])):
    client = Client()
    body = {"username": "ada", "password": "wrong"}
    print(json.dumps([client.post("/api/auth/token/", body).status_code for _ in range(2)]))
"""


def django_env(**extra: str) -> dict[str, str]:
    return {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test", **extra}


def test_attempts_in_another_process_count_against_the_same_budget(transactional_db, settings):
    cache.clear()
    settings.AUTH_THROTTLE_RATES = {
        **settings.AUTH_THROTTLE_RATES,
        "sign_in": {"ip": "1000/min", "account": ONE_BUDGET_PER_CENTURY},
    }
    UserFactory(username="ada")
    try:
        other = subprocess.run(
            [sys.executable, "-c", ANOTHER_PROCESS],
            cwd=settings.BASE_DIR,
            env=django_env(
                DATABASE_URL=worker_process.test_database_url(),
                RATES=json.dumps(settings.AUTH_THROTTLE_RATES),
            ),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert other.returncode == 0, other.stderr
        assert json.loads(other.stdout.strip().splitlines()[-1]) == [400, 400]
        client = APIClient()
        body = {"username": "ada", "password": "correct-horse-battery"}
        assert client.post("/api/auth/token/", body, format="json").status_code == 200
        assert client.post("/api/auth/token/", body, format="json").status_code == 429
    finally:
        cache.clear()  # the cache table outlives a transactional test's flush


def test_migrate_makes_the_cache_table(tmp_path):
    database = tmp_path / "fresh.sqlite3"
    result = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
        cwd=settings.BASE_DIR,
        env=django_env(DATABASE_URL=f"sqlite:///{database}", CACHE_URL=""),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(database) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    assert "platform_cache" in tables


def test_the_default_cache_is_the_database():
    assert settings.CACHES["default"] == {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "platform_cache",
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    }


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("", {"BACKEND": "django.core.cache.backends.db.DatabaseCache",
              "LOCATION": "platform_cache", "OPTIONS": {"MAX_ENTRIES": 100_000}}),
        ("redis://redis:6379/1", {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                  "LOCATION": "redis://redis:6379/1"}),
        (" rediss://:secret@cache.internal:6380/0 ",
         {"BACKEND": "django.core.cache.backends.redis.RedisCache",
          "LOCATION": "rediss://:secret@cache.internal:6380/0"}),
    ],
)  # fmt: skip
def test_cache_url(url, expected):
    assert cache_from_url(url) == expected


@pytest.mark.parametrize("url", ["memcached://127.0.0.1:11211", "locmem://", "redis"])
def test_a_cache_url_we_do_not_share_is_refused(url):
    with pytest.raises(ImproperlyConfigured, match="CACHE_URL="):
        cache_from_url(url)
