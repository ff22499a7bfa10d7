"""What the facade needs from a sandbox engine (the `Engine` protocol) and how one is chosen."""

from __future__ import annotations

import atexit
import threading
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

from runner.specs import Limits

DEFAULT_ENGINE = "runner.docker_engine.DockerEngine"


class EngineUnavailable(Exception):
    """The engine or image can't be used: a sandbox error, never the candidate's fault."""


@dataclass(frozen=True)
class Execution:
    """What came out of one sandbox: the harness's raw output and how the sandbox ended."""

    exit_code: int | None
    stdout: bytes
    stderr: bytes
    oom_killed: bool
    timed_out: bool
    output_exceeded: bool
    wall_time_ms: int


@runtime_checkable
class Engine(Protocol):
    """Runs the harness (runner/harness/) in a fresh, locked-down sandbox per execution.

    The facade owns everything else: the job it writes to the harness's stdin, the host-wide
    slots, reading the report. An engine raises `EngineUnavailable` for anything that is not
    the candidate's fault (engine unreachable, image missing, sandbox failed to start).
    """

    def execute(
        self,
        *,
        stdin: bytes,
        limits: Limits,
        wall_timeout_s: float,
        stdout_cap: int,
        stderr_cap: int,
    ) -> Execution:
        """Start the harness in a fresh sandbox with `limits`, feed it `stdin`, read its capped
        output until it exits or `wall_timeout_s` passes; the sandbox never outlives the call
        (it may be removed in the background)."""
        ...

    def status(self) -> tuple[bool, str]:
        """(ready, explanation): can this engine run a sandbox right now?"""
        ...

    def remove_stale(self, *, older_than_s: float) -> int:
        """Remove sandboxes a crashed worker left behind; returns how many."""
        ...

    def settle(self, timeout_s: float) -> None:
        """Wait until the engine's background work (removals, warm spares) is done."""
        ...

    def close(self) -> None:
        """Remove what the engine holds ahead of need (warm spares); called at exit."""
        ...


_engines: dict[tuple[str, str], Engine] = {}
_engines_lock = threading.Lock()


def engine() -> Engine:
    """The engine named by `RUNNER["ENGINE"]`, built with `RUNNER["ENGINE_OPTIONS"]`.

    One instance per (path, options), so overriding the settings (tests, a second engine host)
    takes effect at the next run without rebuilding an engine on every run.
    """
    conf = settings.RUNNER
    path = conf.get("ENGINE", DEFAULT_ENGINE)
    options: dict[str, Any] = conf.get("ENGINE_OPTIONS", {})
    if not isinstance(path, str) or not path:
        raise ImproperlyConfigured(f"RUNNER['ENGINE'] must be a dotted path, not {path!r}")
    if not isinstance(options, dict) or not all(isinstance(name, str) for name in options):
        raise ImproperlyConfigured("RUNNER['ENGINE_OPTIONS'] must be a dict of keyword arguments")
    key = (path, repr(sorted(options.items())))
    with _engines_lock:
        if key not in _engines:
            if not _engines:
                atexit.register(close_engines)
            _engines[key] = _build(path, options)
        return _engines[key]


def close_engines() -> None:
    """Close and forget every engine built so far; the next run builds a fresh one."""
    with _engines_lock:
        built = list(_engines.values())
        _engines.clear()
    for built_engine in built:
        built_engine.close()


def _build(path: str, options: dict[str, Any]) -> Engine:
    try:
        engine_class = import_string(path)
    except ImportError as exc:
        raise ImproperlyConfigured(f"RUNNER['ENGINE'] = {path!r} can't be imported: {exc}") from exc
    try:
        instance = engine_class(**options)
    except (TypeError, ValueError) as exc:
        raise ImproperlyConfigured(
            f"RUNNER['ENGINE'] = {path!r} refused RUNNER['ENGINE_OPTIONS']: {exc}"
        ) from exc
    if not isinstance(instance, Engine):
        raise ImproperlyConfigured(
            f"RUNNER['ENGINE'] = {path!r} is not an engine (it needs execute, status, "
            "remove_stale, settle and close; see runner/engine.py)"
        )
    return instance
