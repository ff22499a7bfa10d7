"""Helpers for authoring tests: wait for a validation the authoring worker runs."""

from __future__ import annotations

import subprocess
import time

from rest_framework.test import APIClient


def wait_for_validation(
    client: APIClient, slug: str, worker: subprocess.Popen, timeout_s: float = 240
) -> dict:
    """Poll the authoring API until the latest version's validation is done; its version data."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        latest = client.get(f"/api/authoring/challenges/{slug}/").json()["latest_version"]
        if latest["validation_state"] == "done":
            return latest
        if worker.poll() is not None:
            raise AssertionError(f"the worker exited ({worker.returncode})")
        time.sleep(0.2)
    raise AssertionError(f"validation of {slug} not done within {timeout_s} s")
