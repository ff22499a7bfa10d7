"""Test settings: the base settings with a fixed key, fast hashing and in-memory email."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-for-production-0123456789abcdef")
if not os.environ.get("READINESS_SIGNING_KEY"):
    # A key generated once under var/ (the tests' settings run with DEBUG off, which requires one).
    from pathlib import Path

    from config.signing_key import development_signing_key_file

    _var = Path(os.environ.get("VAR_DIR", Path(__file__).resolve().parent.parent.parent / "var"))
    os.environ.setdefault(
        "READINESS_SIGNING_KEY_FILE",
        str(development_signing_key_file(_var, "readiness-signing-key-test.pem")),
    )

from config.settings.base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
SECURE_SSL_REDIRECT = False
REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"] = {  # noqa: F405
    "submission_run": "1000/min",
    "submission_submit": "1000/min",
    "authoring_validate": "1000/min",
    "draft_save": "1000/min",
}
# Page and browser tests sign in often from one address; the throttle tests set low rates.
AUTH_THROTTLE_RATES = {
    scope: {"ip": "1000/min", "account": "1000/min"}
    for scope in AUTH_THROTTLE_RATES  # noqa: F405
}

# TEST_DB_SUFFIX lets two test sessions share a machine without sharing a test database.
_suffix = os.environ.get("TEST_DB_SUFFIX", "")
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not memory: the browser and worker tests run a real worker process that must
    # see the test database.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-db{_suffix}.sqlite3")}  # noqa: F405
elif _suffix:
    DATABASES["default"]["TEST"] = {"NAME": f"test_{DATABASES['default']['NAME']}{_suffix}"}  # noqa: F405

STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405 (whitenoise warns when it is missing)

ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
