"""Settings for every deployment, read from the environment (see README's configuration table)."""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from config.cache_url import cache_from_url
from config.env import env_bool, env_int, env_list, env_str
from config.secret_key import development_secret_key
from config.signing_key import development_signing_key_file

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", default=False)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is required when DEBUG is off. Set SECRET_KEY in the environment "
            "(e.g. `python -c 'import secrets; print(secrets.token_urlsafe(50))'`), "
            "or set DEBUG=1 for development."
        )
    SECRET_KEY = development_secret_key(VAR_DIR)

# The Ed25519 key that signs public readiness reports (docs/report-verification.md): a PEM
# private key (or its 32-byte seed in base64url) in READINESS_SIGNING_KEY, or a PEM file.
# The key's content is checked when first used and by `manage.py check` (readiness.checks).
READINESS_SIGNING_KEY = env_str("READINESS_SIGNING_KEY")
READINESS_SIGNING_KEY_FILE = env_str("READINESS_SIGNING_KEY_FILE")
if not READINESS_SIGNING_KEY and not READINESS_SIGNING_KEY_FILE:
    if not DEBUG:
        raise ImproperlyConfigured(
            "READINESS_SIGNING_KEY (or READINESS_SIGNING_KEY_FILE) is required when DEBUG is off: "
            "it signs public readiness reports. Generate one: `python -c 'import base64, os; "
            'print(base64.urlsafe_b64encode(os.urandom(32)).decode().rstrip("="))\'`, '
            "or set DEBUG=1 for development."
        )
    READINESS_SIGNING_KEY_FILE = str(development_signing_key_file(VAR_DIR))
# Public keys of retired signing keys (PEM, one or more in a file), still published so reports
# signed before a rotation keep verifying.
READINESS_RETIRED_PUBLIC_KEYS_FILE = env_str("READINESS_RETIRED_PUBLIC_KEYS_FILE")
# The platform's public address in signed reports and their links (e.g.
# https://interview.example.com); empty: taken from each request's host (ALLOWED_HOSTS checks it).
PUBLIC_BASE_URL = env_str("PUBLIC_BASE_URL").rstrip("/")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_tasks",
    "django_tasks_db",
    "accounts",
    "organisations",
    "runner",
    "challenges",
    "submissions",
    "readiness",
    "jobs",
    "studio",
    "assessments",
    "frontend",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.middleware.UserTimeZoneMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Database: SQLite under var/ unless DATABASE_URL says otherwise (PostgreSQL in production).
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web server and the task worker write concurrently: WAL lets readers run beside a
    # writer, IMMEDIATE takes the write lock up front instead of failing on upgrade.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "frontend:login"
LOGIN_REDIRECT_URL = "frontend:catalogue"
LOGOUT_REDIRECT_URL = "frontend:home"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "staticfiles")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Email: console unless an SMTP host is configured.
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Interview Platform <noreply@localhost>")

# Team invitations: how long an emailed link stays usable.
TEAM_INVITATION_DAYS = env_int("TEAM_INVITATION_DAYS", 7)

# Production hardening; `manage.py check --deploy` passes with DEBUG off and these defaults.
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=True)
    SECURE_CONTENT_TYPE_NOSNIFF = True
    X_FRAME_OPTIONS = "DENY"

# Background work: django.tasks with the database backend by default, Redis/RQ to scale out.
TASKS_BACKEND = env_str("TASKS_BACKEND", "db")
REDIS_URL = env_str("REDIS_URL", "redis://127.0.0.1:6379/0")
# Two queues: "default" grades submissions; "authoring" validates authors' challenges in its own
# worker (`manage.py runworker --queue authoring`), so validations never hold up grading.
TASK_QUEUES = ["default", "authoring"]
if TASKS_BACKEND == "db":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": TASK_QUEUES}}
elif TASKS_BACKEND == "rq":
    INSTALLED_APPS += ["django_rq"]
    RQ_QUEUES = {name: {"URL": REDIS_URL} for name in TASK_QUEUES}
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": TASK_QUEUES}}
elif TASKS_BACKEND == "immediate":
    TASKS = {
        "default": {
            "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
            "QUEUES": TASK_QUEUES,
        }
    }
else:
    raise ImproperlyConfigured(f"TASKS_BACKEND={TASKS_BACKEND!r}: use db, rq or immediate.")

# Readiness: the difficulty re-fit runs this often (0: never; queued by whichever worker finds
# it due first, see readiness/periodic.py), and the jobs a worker calls every minute for it.
READINESS = {"RECALIBRATE_EVERY_S": env_int("READINESS_RECALIBRATE_EVERY_S", 86400)}
WORKER_PERIODIC_HOOKS = ["readiness.periodic.recalibration_enqueue_if_due"]

# Challenge kinds: name -> the module defining its KIND object (challenges/kinds/base.py). A kind
# added here (its own package, templates and JS renderer: docs/architecture.md, "Adding a kind")
# needs no change to core code; removing one leaves its challenges unloadable.
CHALLENGE_KINDS = {
    "python": "challenges.kinds.python",
    "api": "challenges.kinds.api",
    "sql": "challenges.kinds.sql",
    "schema": "challenges.kinds.schema",
    "design": "challenges.kinds.design",
}

# The sandbox runner. Per-challenge limits may ask for more, up to the MAX_* caps.
RUNNER = {
    # The engine that runs sandboxes: a dotted path to a class with the `runner.engine.Engine`
    # methods, built with ENGINE_OPTIONS as keyword arguments (docs/runner.md, "Engines").
    "ENGINE": env_str("SANDBOX_ENGINE", "runner.docker_engine.DockerEngine"),
    "ENGINE_OPTIONS": {
        "image": env_str("SANDBOX_IMAGE", "interview-sandbox:latest"),
        # DOCKER_HOST is read by the Docker SDK itself; empty means the local socket.
        "docker_host": env_str("DOCKER_HOST"),
        # Containers created ahead of need, per limits; 0 turns the pool off (docs/performance.md).
        "pool_size": env_int("SANDBOX_POOL_SIZE", 1),
    },
    "TIME_LIMIT_S": float(env_str("SANDBOX_TIME_LIMIT_S", "5")),
    "MAX_TIME_LIMIT_S": float(env_str("SANDBOX_MAX_TIME_LIMIT_S", "30")),
    "MEMORY_MB": env_int("SANDBOX_MEMORY_MB", 256),
    "MAX_MEMORY_MB": env_int("SANDBOX_MAX_MEMORY_MB", 1024),
    "PIDS": env_int("SANDBOX_PIDS", 64),
    "CPUS": float(env_str("SANDBOX_CPUS", "1")),
    "OUTPUT_LIMIT_BYTES": env_int("SANDBOX_OUTPUT_LIMIT_BYTES", 1024 * 1024),
    "TMPFS_MB": env_int("SANDBOX_TMPFS_MB", 16),
    "MAX_SOURCE_BYTES": env_int("SANDBOX_MAX_SOURCE_BYTES", 64 * 1024),
    # Sandboxes running at once on this host, across every worker process sharing SLOTS_DIR.
    "CONCURRENCY": env_int("SANDBOX_CONCURRENCY", 2),
    "SLOTS_DIR": env_str("SANDBOX_SLOTS_DIR", str(VAR_DIR / "sandbox-slots")),
    # How long a run waits for a free slot before giving up (back-pressure, retried later).
    "SLOT_WAIT_S": float(env_str("SANDBOX_SLOT_WAIT_S", "60")),
}

# Back-pressure at the door: beyond these, creating a submission answers "busy, retry in N s".
SUBMISSIONS = {
    "MAX_QUEUED": env_int("SUBMISSIONS_MAX_QUEUED", 500),
    "MAX_IN_FLIGHT_PER_USER": env_int("SUBMISSIONS_MAX_IN_FLIGHT_PER_USER", 5),
    # Rough grading rate of the whole fleet, for the Retry-After estimate.
    "EXPECTED_GRADES_PER_S": env_int("SUBMISSIONS_EXPECTED_GRADES_PER_S", 5),
    # A worker's claim on a submission; if it dies, the claim expires and another grades it.
    "LEASE_S": env_int("SUBMISSIONS_LEASE_S", 300),
    # Grading attempts before a submission ends as internal_error: sandbox failures and dead
    # workers (MAX_ATTEMPTS), any other exception in grading (CRASH_ATTEMPTS).
    "MAX_ATTEMPTS": env_int("SUBMISSIONS_MAX_ATTEMPTS", 5),
    "CRASH_ATTEMPTS": env_int("SUBMISSIONS_CRASH_ATTEMPTS", 2),
    # Fair queue: gradings of one user running at once, across all workers (0: no cap).
    "MAX_RUNNING_PER_USER": env_int("SUBMISSIONS_MAX_RUNNING_PER_USER", 1),
    # Anti-probing: submits (hidden cases) per user per challenge in any hour (0: no cap).
    "SUBMITS_PER_CHALLENGE_PER_HOUR": env_int("SUBMISSIONS_SUBMITS_PER_CHALLENGE_PER_HOUR", 12),
    # Called (dotted path, with submission_id=) after a submit's grade or review commits: how
    # other apps learn of a new grade without submissions knowing them.
    "GRADED_HOOKS": ["readiness.tasks.submission_graded"],
}

# Shared cache (rate-limit counters): every web process must count against one budget, which a
# per-process memory cache would not (N gunicorn workers would allow N x the rate). The database
# by default (a migration makes the table), Redis in production: CACHE_URL=redis://host:6379/1.
CACHES = {"default": cache_from_url(env_str("CACHE_URL"))}

# The client's address for rate limits: REMOTE_ADDR, or with N trusted reverse proxies in front,
# the X-Forwarded-For entry the farthest of them added (docs/deployment.md).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

# Attempts per client IP and per account tried (username or email), "<count>/<period>" with a
# period of s, min, h or d and an optional multiplier (5/15min). The sign-in page and
# POST /api/auth/token/ share the sign-in budgets: both check a password. Read per request.
AUTH_THROTTLE_RATES = {
    "sign_in": {
        "ip": env_str("THROTTLE_SIGN_IN_IP", "20/min"),
        "account": env_str("THROTTLE_SIGN_IN_ACCOUNT", "10/15min"),
    },
    "sign_up": {
        "ip": env_str("THROTTLE_SIGN_UP_IP", "20/h"),
        "account": env_str("THROTTLE_SIGN_UP_EMAIL", "10/h"),
    },
    "password_reset": {
        "ip": env_str("THROTTLE_PASSWORD_RESET_IP", "10/h"),
        "account": env_str("THROTTLE_PASSWORD_RESET_EMAIL", "5/h"),
    },
}

# JSON request bodies: 413 past these, 400 past the depth (config/parsers.py says why Django's
# site-wide DATA_UPLOAD_MAX_MEMORY_SIZE isn't the bound for them).
# Authoring carries whole packages with their datasets (the largest shipped one is ~3.5 MB).
API_JSON_MAX_BYTES = env_int("API_JSON_MAX_BYTES", 1024 * 1024)
AUTHORING_JSON_MAX_BYTES = env_int("AUTHORING_JSON_MAX_BYTES", 16 * 1024 * 1024)
API_JSON_MAX_DEPTH = 64

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PARSER_CLASSES": [
        "config.parsers.BoundedJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    # DRF's default (None) believes the whole X-Forwarded-For header.
    "NUM_PROXIES": TRUSTED_PROXY_COUNT,
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 20,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_RATES": {
        "submission_run": env_str("THROTTLE_RUN", "30/min"),
        "submission_submit": env_str("THROTTLE_SUBMIT", "10/min"),
        # Each validation runs the reference, starter and mutants in the sandbox.
        "authoring_validate": env_str("THROTTLE_AUTHORING_VALIDATE", "20/hour"),
        # The page saves a draft after a pause in typing (about one a few seconds at most).
        "draft_save": env_str("THROTTLE_DRAFT_SAVE", "60/min"),
    },
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Interview Platform API",
    "DESCRIPTION": (
        "Practice backend interviews: list challenges, run and submit solutions, read results. "
        "Authenticate with a session (browser) or `Authorization: Token <key>` (scripts)."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    # Serve the docs UI's assets ourselves: a self-hosted install must not depend on a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Choice sets shared by several fields or named like another app's: one name each.
    "ENUM_NAME_OVERRIDES": {
        "JobStatusEnum": "jobs.models.Job.Status",
        "ApplicationStageEnum": "jobs.models.Stage",
        "RoleVerdictEnum": "jobs.api.serializers.VERDICT_CHOICES",
        # A submission's status and verdict appear in its list and detail shapes alike.
        "SubmissionOutputStatusEnum": "submissions.models.Submission.Status",
        "SubmissionOutputVerdictEnum": "challenges.grading.Verdict",
        "TeamRoleEnum": "organisations.models.Membership.Role",
        "GrantableRoleEnum": "organisations.api.serializers.GRANTABLE_ROLE_CHOICES",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
