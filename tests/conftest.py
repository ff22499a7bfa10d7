"""Shared fixtures: users, the skeleton challenge, and gates for Docker and browser tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.conf import settings
from rest_framework.test import APIClient

from challenges.packages import read_package
from challenges.services import challenge_import_package
from tests.factories import UserFactory

CATALOGUE = Path(settings.BASE_DIR) / "challenges" / "catalogue"


def _require(flag: str) -> bool:
    return os.environ.get(flag, "").strip().lower() in {"1", "true", "yes"}


@pytest.fixture(autouse=True)
def _gate_on_environment(request):
    """Docker/browser tests skip without their engine, or fail when CI says they must run."""
    if request.node.get_closest_marker("docker"):
        from runner.facade import engine_status

        ready, why = engine_status()
        if not ready:
            message = f"no usable Docker engine: {why}"
            if _require("REQUIRE_DOCKER"):
                pytest.fail(message + " (REQUIRE_DOCKER=1 makes this a failure)")
            pytest.skip(message)
    if request.node.get_closest_marker("browser"):
        chromium = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
        if not Path(chromium).exists():
            message = f"no chromium at {chromium}"
            if _require("REQUIRE_BROWSER"):
                pytest.fail(message + " (REQUIRE_BROWSER=1 makes this a failure)")
            pytest.skip(message)


@pytest.fixture
def candidate(db):
    return UserFactory(username="cand")


@pytest.fixture
def api_client(candidate) -> APIClient:
    client = APIClient()
    client.force_authenticate(candidate)
    return client


@pytest.fixture
def order_total(db):
    """The shipped skeleton challenge, loaded through the real package reader."""
    return challenge_import_package(package=read_package(CATALOGUE / "order-total")).challenge


@pytest.fixture
def order_total_solution() -> str:
    return (CATALOGUE / "order-total" / "solution.py").read_text()


@pytest.fixture
def worker_process(transactional_db):
    """A real `manage.py runworker` process; stopped before the test database is flushed."""
    from tests.worker_process import start_worker, stop_worker

    process = start_worker()
    yield process
    stop_worker(process)
