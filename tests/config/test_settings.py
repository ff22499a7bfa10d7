"""Configuration from the environment: production refuses to start without a secret key."""

import os
import subprocess
import sys

from django.conf import settings

CHECK = [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"]


def run_manage(env: dict[str, str]) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    clean.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run(
        CHECK, cwd=settings.BASE_DIR, env={**clean, **env}, capture_output=True, text=True
    )


def test_production_without_secret_key_refuses_to_start(tmp_path):
    result = run_manage({"DEBUG": "0", "VAR_DIR": str(tmp_path)})
    assert result.returncode != 0
    assert "SECRET_KEY is required when DEBUG is off" in result.stderr


def test_production_settings_pass_the_deploy_check(tmp_path):
    result = run_manage(
        {
            "DEBUG": "0",
            "SECRET_KEY": "x" * 20 + "-a-long-random-production-secret-key-value-0123456789",
            "ALLOWED_HOSTS": "interview.example.com",
            "VAR_DIR": str(tmp_path),
        }
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_development_key_is_generated_once_and_kept(tmp_path):
    from config.secret_key import development_secret_key

    first = development_secret_key(tmp_path)
    assert len(first) >= 50
    assert development_secret_key(tmp_path) == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600
