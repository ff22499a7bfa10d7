"""The production deployment files agree: docker-compose.yml, platform/env.example, the settings,
gunicorn's config and the web image. With a compose CLI on PATH, it must accept the file too
(skipped without one, unless REQUIRE_COMPOSE=1)."""

from __future__ import annotations

import inspect
import os
import re
import runpy
import shutil
import subprocess
from pathlib import Path

import docker.utils
import pytest
import yaml
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
COMPOSE_FILE = ROOT / "docker-compose.yml"
ENV_EXAMPLE = ROOT / "platform" / "env.example"
SETTINGS_FILE = ROOT / "config" / "settings" / "base.py"
GUNICORN_CONF = ROOT / "platform" / "gunicorn.conf.py"
WEB_DOCKERFILE = ROOT / "platform" / "web" / "Dockerfile"
DOCKERIGNORE = ROOT / ".dockerignore"

SERVICES = {"postgres", "migrate", "web", "worker", "authoring-worker", "sandbox-image"}
APP_SERVICES = ("migrate", "web", "worker", "authoring-worker")
WORKERS = ("worker", "authoring-worker")
DOCKER_SOCKET = "/var/run/docker.sock"
# Read by the Docker SDK itself (docker.from_env) in the worker, not by our settings.
DOCKER_SDK_VARIABLES = {"DOCKER_TLS_VERIFY", "DOCKER_CERT_PATH"}
# Values the example must leave empty: compose (or the settings) refuse to start without them.
REQUIRED_EMPTY = ("SECRET_KEY", "POSTGRES_PASSWORD", "DOCKER_GID")

VARIABLE = re.compile(r"(?<!\$)\$\{?([A-Za-z_][A-Za-z0-9_]*)")
ASSIGNMENT = re.compile(r"^(#\s*)?([A-Z][A-Z0-9_]*)=(.*)$")


def compose() -> dict:
    return yaml.safe_load(COMPOSE_FILE.read_text())


def services() -> dict:
    return compose()["services"]


def env_example() -> dict[str, tuple[str, bool]]:
    """NAME -> (value, active); commented-out `# NAME=value` lines count as documented."""
    found: dict[str, tuple[str, bool]] = {}
    for line in ENV_EXAMPLE.read_text().splitlines():
        match = ASSIGNMENT.match(line.strip())
        if match:
            commented, name, value = match.groups()
            assert name not in found or not commented, f"{name} is assigned twice"
            found.setdefault(name, (value, not commented))
    return found


def strings(node) -> list[str]:
    if isinstance(node, dict):
        return [s for key, value in node.items() for s in strings(key) + strings(value)]
    if isinstance(node, list):
        return [s for item in node for s in strings(item)]
    return [node] if isinstance(node, str) else []


def compose_variables() -> set[str]:
    """Variables compose interpolates (`$${X}` is an escape for the container's shell)."""
    return {name for text in strings(compose()) for name in VARIABLE.findall(text)}


def settings_variables() -> set[str]:
    source = SETTINGS_FILE.read_text()
    return set(re.findall(r"env_(?:str|bool|int|list)\(\s*\"([A-Z][A-Z0-9_]*)\"", source))


def gunicorn_variables() -> set[str]:
    source = GUNICORN_CONF.read_text()
    return set(re.findall(r"(?:environ\.get|_int_from_env)\(\s*[\"']([A-Z][A-Z0-9_]*)", source))


def volume_sources(service: dict) -> list[str]:
    sources = []
    for volume in service.get("volumes", []):
        sources.append(volume["source"] if isinstance(volume, dict) else volume.split(":")[0])
    return sources


# --- docker-compose.yml ------------------------------------------------------------------------


def test_compose_has_exactly_the_deployment_services():
    assert set(services()) == SERVICES


def test_postgres_has_a_named_volume_and_a_healthcheck():
    postgres = services()["postgres"]
    assert postgres["image"] == "postgres:15"
    (volume,) = volume_sources(postgres)
    assert volume in compose()["volumes"], "the data volume must be a named volume"
    assert "pg_isready" in " ".join(postgres["healthcheck"]["test"])
    assert postgres["environment"]["POSTGRES_PASSWORD"].startswith("${POSTGRES_PASSWORD:?")
    assert "env_file" not in postgres, "postgres must not receive the app's secrets"


def test_migrate_runs_once_after_postgres_is_healthy():
    migrate = services()["migrate"]
    command = " ".join(migrate["command"])
    assert "manage.py migrate" in command
    assert "manage.py loadchallenges" in command
    assert migrate["restart"] == "no"
    assert migrate["depends_on"]["postgres"]["condition"] == "service_healthy"


@pytest.mark.parametrize("name", ["web", *WORKERS])
def test_app_services_start_after_migrate_succeeded(name):
    service = services()[name]
    assert service["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert service["restart"] in {"always", "unless-stopped"}


def test_web_serves_gunicorn_on_8000_with_a_healthz_healthcheck():
    web = services()["web"]
    assert web["command"][0] == "gunicorn"
    assert "platform/gunicorn.conf.py" in web["command"]
    assert "config.wsgi:application" in web["command"]
    assert any(str(port).endswith(":8000") for port in web["ports"])
    probe = " ".join(web["healthcheck"]["test"])
    assert "/healthz" in probe
    assert "127.0.0.1:8000" in probe


def test_only_the_workers_mount_the_docker_socket():
    for name in WORKERS:
        worker = services()[name]
        assert DOCKER_SOCKET in volume_sources(worker), name
        assert "sandbox-slots" in volume_sources(worker), "one set of slots per host"
        assert worker["group_add"], "the worker's user needs the socket's group"
        assert worker["stop_grace_period"] == "2m", "a running grade finishes before exit"
    for name, service in services().items():
        if name not in WORKERS:
            assert DOCKER_SOCKET not in " ".join(strings(service)), name


def test_one_grading_worker_per_sandbox_slot_and_one_for_validations():
    worker, authoring = services()["worker"], services()["authoring-worker"]
    assert worker["command"] == ["python", "manage.py", "runworker", "--queue", "default"]
    assert worker["deploy"]["replicas"] == "${SANDBOX_CONCURRENCY:-2}"
    assert authoring["command"] == ["python", "manage.py", "runworker", "--queue", "authoring"]
    assert authoring["deploy"]["replicas"] == 1


def test_the_development_server_starts_the_same_workers():
    script = (ROOT / "platform" / "ops" / "run-dev.sh").read_text()
    assert 'GRADING_WORKERS="${SANDBOX_CONCURRENCY:-2}"' in script
    assert 'for _ in $(seq "$GRADING_WORKERS"); do' in script
    assert '"$PY" manage.py runworker --queue default &' in script
    assert '"$PY" manage.py runworker --queue authoring &' in script


def test_sandbox_image_service_builds_the_sandbox_dockerfile():
    sandbox = services()["sandbox-image"]
    context = ROOT / sandbox["build"]["context"]
    assert context == ROOT / "runner" / "harness"
    dockerfile = (context / sandbox["build"]["dockerfile"]).resolve()
    assert dockerfile == ROOT / "platform" / "sandbox" / "Dockerfile"
    assert sandbox["image"].startswith("${SANDBOX_IMAGE")
    assert sandbox["profiles"], "`docker compose up` must not start it"
    assert sandbox["network_mode"] == "none"


@pytest.mark.parametrize("name", APP_SERVICES)
def test_app_services_require_secret_key_and_read_the_env_file(name):
    service = services()[name]
    assert service["environment"]["SECRET_KEY"].startswith("${SECRET_KEY:?")
    env_files = service["env_file"]
    assert ".env" in ([env_files] if isinstance(env_files, str) else env_files)
    assert service["image"] == services()["web"]["image"], "one image for web and worker"
    assert service["build"]["dockerfile"] == "platform/web/Dockerfile"


# --- platform/env.example ----------------------------------------------------------------------


def test_every_compose_variable_is_in_env_example():
    missing = compose_variables() - set(env_example())
    assert not missing, f"used in docker-compose.yml, not in platform/env.example: {missing}"


def test_every_setting_read_from_the_environment_is_in_env_example():
    missing = settings_variables() - set(env_example())
    assert not missing, f"read by config/settings/base.py, not in platform/env.example: {missing}"


def test_every_env_example_variable_is_read_somewhere():
    readers = (
        settings_variables() | compose_variables() | gunicorn_variables() | DOCKER_SDK_VARIABLES
    )
    unread = set(env_example()) - readers
    assert not unread, f"in platform/env.example but read by nothing: {unread}"


def test_docker_sdk_reads_the_tls_variables():
    source = inspect.getsource(docker.utils.kwargs_from_env)
    for name in DOCKER_SDK_VARIABLES | {"DOCKER_HOST"}:
        assert name in source


def test_env_example_leaves_the_secrets_empty():
    example = env_example()
    for name in REQUIRED_EMPTY:
        assert example[name] == ("", True), f"{name} must be present and empty"
    assert example["DEBUG"] == ("0", True)


def test_env_example_database_url_matches_the_postgres_service():
    example = env_example()
    user, database = example["POSTGRES_USER"][0], example["POSTGRES_DB"][0]
    url = example["DATABASE_URL"][0]
    assert re.fullmatch(rf"postgres://{user}:CHANGE_ME@postgres:5432/{database}", url), url


# --- the web image and gunicorn ----------------------------------------------------------------


def test_web_dockerfile_runs_as_a_user_and_bakes_no_secret():
    text = WEB_DOCKERFILE.read_text()
    instructions = [line.strip() for line in text.splitlines() if not line.startswith("#")]
    assert "FROM python:3.11-slim-bookworm" in instructions
    assert "pip install --no-cache-dir -r requirements.txt" in text
    assert "collectstatic --noinput" in text
    # The editor bundle is built in its own stage and copied in before collectstatic.
    assert "FROM node:20-bookworm-slim AS assets" in instructions
    assert text.index("COPY --from=assets") < text.index("collectstatic --noinput")
    users = [line.split()[1] for line in instructions if line.startswith("USER ")]
    assert users, "the image must switch to a non-root user"
    assert users[-1].split(":")[0] not in {"root", "0"}
    assert not re.search(r"^(ENV|ARG)\b.*SECRET_KEY", text, re.MULTILINE)
    assert '"--config", "platform/gunicorn.conf.py", "config.wsgi:application"' in text


def test_dockerignore_keeps_secrets_and_local_state_out_of_the_image():
    patterns = {
        line.strip()
        for line in DOCKERIGNORE.read_text().splitlines()
        if line.strip() and not line.startswith("#")
    }
    assert {".env", ".git", ".venv", "var", "**/node_modules"} <= patterns
    assert any("__pycache__" in pattern for pattern in patterns)


def test_gunicorn_config_reads_port_and_concurrency(monkeypatch):
    for name in ("PORT", "WEB_CONCURRENCY", "FORWARDED_ALLOW_IPS", "LOG_LEVEL"):
        monkeypatch.delenv(name, raising=False)
    defaults = runpy.run_path(str(GUNICORN_CONF))
    assert defaults["bind"] == "0.0.0.0:8000"
    assert 1 <= defaults["workers"] <= 8
    assert defaults["accesslog"] == "-"
    assert defaults["forwarded_allow_ips"] == "*"

    monkeypatch.setenv("PORT", "9000")
    monkeypatch.setenv("WEB_CONCURRENCY", "3")
    monkeypatch.setenv("LOG_LEVEL", "WARNING")
    configured = runpy.run_path(str(GUNICORN_CONF))
    assert configured["bind"] == "0.0.0.0:9000"
    assert configured["workers"] == 3
    assert configured["loglevel"] == "warning"


# --- the compose CLI ---------------------------------------------------------------------------


def compose_cli() -> list[str] | None:
    docker_cli = shutil.which("docker")
    if docker_cli:
        try:
            plugin = subprocess.run(
                [docker_cli, "compose", "version"], capture_output=True, timeout=30, check=False
            )
        except subprocess.TimeoutExpired:
            plugin = None
        if plugin is not None and plugin.returncode == 0:
            return [docker_cli, "compose"]
    standalone = shutil.which("docker-compose")
    return [standalone] if standalone else None


@pytest.fixture
def cli() -> list[str]:
    found = compose_cli()
    if found is None:
        message = "no compose CLI on PATH (`docker compose` or `docker-compose`)"
        if os.environ.get("REQUIRE_COMPOSE", "").strip().lower() in {"1", "true", "yes"}:
            pytest.fail(message + " (REQUIRE_COMPOSE=1 makes this a failure)")
        pytest.skip(message)
    return found


def project(tmp_path: Path, env_text: str) -> Path:
    """A copy of the repository's top level (symlinks) with its own .env, for `config`."""
    for entry in ROOT.iterdir():
        if entry.name not in {".env", COMPOSE_FILE.name}:
            (tmp_path / entry.name).symlink_to(entry)
    shutil.copy(COMPOSE_FILE, tmp_path / COMPOSE_FILE.name)
    (tmp_path / ".env").write_text(env_text)
    return tmp_path


def filled_env_example(**values: str) -> str:
    """platform/env.example with the values an operator has to fill in."""
    text = ENV_EXAMPLE.read_text().replace("CHANGE_ME", values.get("POSTGRES_PASSWORD", ""))
    for name, value in values.items():
        text = re.sub(rf"^{name}=.*$", f"{name}={value}", text, flags=re.MULTILINE)
    return text


def run_config(cli: list[str], directory: Path) -> subprocess.CompletedProcess:
    # Only PATH and HOME: SECRET_KEY from the test settings (or the CI environment) would
    # otherwise override .env and hide a missing value.
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": os.environ.get("HOME", "/")}
    if "DOCKER_CONFIG" in os.environ:
        env["DOCKER_CONFIG"] = os.environ["DOCKER_CONFIG"]
    return subprocess.run(
        [*cli, "-f", str(directory / COMPOSE_FILE.name), "config", "-q"],
        cwd=directory,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


FILLED = {
    "SECRET_KEY": "compose-config-check-" + "x" * 40,
    "POSTGRES_PASSWORD": "0123456789abcdef0123456789abcdef",
    "DOCKER_GID": "999",
}


def test_compose_cli_accepts_the_file_with_the_example_env(cli, tmp_path):
    result = run_config(cli, project(tmp_path, filled_env_example(**FILLED)))
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("missing", REQUIRED_EMPTY)
def test_compose_cli_refuses_to_start_without_a_required_value(cli, tmp_path, missing):
    values = {name: value for name, value in FILLED.items() if name != missing}
    result = run_config(cli, project(tmp_path, filled_env_example(**values)))
    assert result.returncode != 0
    assert missing in result.stdout + result.stderr
