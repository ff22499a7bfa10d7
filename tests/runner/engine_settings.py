"""RUNNER settings with some of the engine's options changed, for `settings.RUNNER = ...`."""

from __future__ import annotations

from typing import Any

from django.conf import settings


def engine_options(**changes: Any) -> dict[str, Any]:
    """A copy of RUNNER whose ENGINE_OPTIONS carry `changes` (e.g. image=, docker_host=)."""
    return {**settings.RUNNER, "ENGINE_OPTIONS": {**settings.RUNNER["ENGINE_OPTIONS"], **changes}}
