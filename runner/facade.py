"""The runner's facade: `run(spec) -> RunResult`. Callers outside runner/ import from here only."""

from __future__ import annotations

import contextlib
import contextvars
import json
import logging
import secrets
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings

from config.json_nesting import json_depth_over
from runner.engine import Engine, EngineUnavailable, Execution, close_engines, engine
from runner.limits import default_limits, limits_for
from runner.slots import SlotsBusy, slot
from runner.specs import (
    CaseInput,
    CaseOutput,
    InvalidSource,
    Limits,
    Mode,
    RunResult,
    RunSpec,
    Status,
)

__all__ = [
    "CaseInput",
    "CaseOutput",
    "Engine",
    "EngineUnavailable",
    "Execution",
    "InvalidSource",
    "Limits",
    "Mode",
    "RunResult",
    "RunSpec",
    "Status",
    "background_runs",
    "cleanup_stale_sandboxes",
    "close_engines",
    "engine_status",
    "limits_for",
    "run",
    "settle",
    "validate_source",
    "validate_source_bytes",
]

logger = logging.getLogger(__name__)

# What the cases of one run may return together (the harness refuses more: MAX_TOTAL_ACTUAL_BYTES).
MAX_RETURNED_BYTES = 4 * 1024 * 1024
# Nesting the worker accepts in a returned value (the harness refuses deeper: MAX_DEPTH).
MAX_DEPTH = 64
CASE_STATUSES = {*(str(status) for status in Status), "not_run"} - {str(Status.SANDBOX_ERROR)}
_random = secrets.SystemRandom()
# Time the container needs beyond the program's own budget: start-up and the harness's work.
STARTUP_GRACE_S = 5.0
PROGRAM_STARTUP_S = 0.2


# Set inside `background_runs()`: runs then leave a sandbox slot free for candidates.
_background = contextvars.ContextVar("runner_background", default=False)


@contextlib.contextmanager
def background_runs() -> Iterator[None]:
    """Runs in this block are background work (an author's validation): each takes a sandbox
    slot only while another stays free, so a candidate's submission always finds one."""
    token = _background.set(True)
    try:
        yield
    finally:
        _background.reset(token)


def validate_source(source: str) -> None:
    """Refuse what can't be a program before any container starts, saying what was wrong."""
    limit = int(settings.RUNNER["MAX_SOURCE_BYTES"])
    if not isinstance(source, str):
        raise InvalidSource("the source must be text")
    if "\x00" in source:
        raise InvalidSource("the source contains a NUL byte")
    try:
        encoded = source.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidSource("the source is not valid UTF-8 text") from None
    if len(encoded) > limit:
        raise InvalidSource(f"the source is {len(encoded)} bytes; the limit is {limit} bytes")


def validate_source_bytes(data: bytes) -> str:
    """Decode a file's bytes as a program, with the same checks as `validate_source`."""
    if b"\x00" in data:
        raise InvalidSource("the source contains a NUL byte")
    try:
        source = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidSource(f"the source is not valid UTF-8 (byte {exc.start})") from None
    validate_source(source)
    return source


def _job(spec: RunSpec, limits: Limits, nonce: str) -> dict:
    job = {
        "nonce": nonce,
        "mode": str(spec.mode),
        "source": spec.source,
        "redact_hidden": spec.redact_hidden,
        "limits": {
            "time_s": limits.time_limit_s,
            "case_time_s": limits.time_limit_s,
            # Loading the code (imports, module-level work) gets one case's share of time.
            "import_time_s": limits.time_limit_s,
            "output_bytes": limits.output_limit_bytes,
            "file_bytes": limits.tmpfs_mb * 1024 * 1024,
        },
    }
    if spec.mode == Mode.PROGRAM:
        job["stdin"] = spec.stdin
    else:
        job["entrypoint"] = spec.entrypoint
        job["factory"] = spec.factory
        visible = [case for case in spec.cases if not case.hidden]
        hidden = [case for case in spec.cases if case.hidden]
        # A fresh order per run: a program can't tell which hidden case it is by counting.
        _random.shuffle(hidden)
        job["cases"] = [
            {"id": case.id, "input": case.input, "hidden": case.hidden}
            for case in (*visible, *hidden)
        ]
    if spec.mode == Mode.PROGRAM_CASES:
        # Each case starts a fresh interpreter: allow for its start-up within the budget.
        job["limits"]["case_time_s"] = limits.time_limit_s + PROGRAM_STARTUP_S
    return job


def _budget_s(spec: RunSpec, limits: Limits) -> float:
    if spec.mode == Mode.PROGRAM:
        return limits.time_limit_s + STARTUP_GRACE_S
    if spec.mode == Mode.PROGRAM_CASES:
        per_case = limits.time_limit_s + PROGRAM_STARTUP_S
        return per_case * max(1, len(spec.cases)) + STARTUP_GRACE_S
    # The harness's own total: every case's budget and two loads (visible and hidden children).
    return limits.time_limit_s * (max(1, len(spec.cases)) + 2) + STARTUP_GRACE_S


def run(spec: RunSpec) -> RunResult:
    """Run `spec` in a fresh sandbox. Raises InvalidSource; every other failure is a result."""
    validate_source(spec.source)
    for case in spec.cases:
        if not isinstance(case, CaseInput):
            raise TypeError("cases must be CaseInput instances")
    limits = spec.limits or default_limits()
    nonce = secrets.token_hex(16)
    stdin = json.dumps(_job(spec, limits, nonce)).encode()
    # Harness output carries the candidate's capped stdout and stderr and the cases' returned
    # values (capped in the harness), JSON-escaped (up to 6x).
    cap = (limits.output_limit_bytes + MAX_RETURNED_BYTES) * 6 + 65536
    budget = _budget_s(spec, limits)
    conf = settings.RUNNER
    try:
        with slot(
            Path(conf["SLOTS_DIR"]),
            int(conf["CONCURRENCY"]),
            timeout_s=float(conf["SLOT_WAIT_S"]),
            keep_free=1 if _background.get() else 0,
        ):
            execution = engine().execute(
                stdin=stdin,
                limits=limits,
                wall_timeout_s=budget,
                stdout_cap=cap,
                stderr_cap=64 * 1024,
            )
    except SlotsBusy as exc:
        return RunResult(status=Status.SANDBOX_ERROR, message=str(exc))
    except EngineUnavailable as exc:
        logger.warning("sandbox error: %s", exc)
        return RunResult(status=Status.SANDBOX_ERROR, message=str(exc))
    return _interpret(execution, nonce, limits, hidden={c.id for c in spec.cases if c.hidden})


def settle(timeout_s: float = 30.0) -> None:
    """Wait until the engine's background work (container removals, pool refills) is done."""
    engine().settle(timeout_s)


def _interpret(
    execution: Execution, nonce: str, limits: Limits, hidden: set[str] = frozenset()
) -> RunResult:
    report = _harness_report(execution.stdout, nonce)
    if execution.timed_out:
        return RunResult(
            status=Status.TIMEOUT,
            wall_time_ms=execution.wall_time_ms,
            message="the run exceeded its wall-clock limit and was stopped",
        )
    if report is None:
        if execution.oom_killed:
            return RunResult(
                status=Status.MEMORY_LIMIT,
                wall_time_ms=execution.wall_time_ms,
                message=f"the sandbox ran out of memory ({limits.memory_mb} MB)",
            )
        if execution.output_exceeded:
            return RunResult(
                status=Status.OUTPUT_LIMIT,
                wall_time_ms=execution.wall_time_ms,
                message="the sandbox produced more output than allowed",
            )
        detail = execution.stderr.decode("utf-8", "replace")[-2000:]
        return RunResult(
            status=Status.SANDBOX_ERROR,
            wall_time_ms=execution.wall_time_ms,
            message=f"the harness reported nothing (exit {execution.exit_code}). {detail}".strip(),
        )
    status_text = report.get("status")
    if status_text == "harness_error":
        return RunResult(
            status=Status.SANDBOX_ERROR,
            wall_time_ms=execution.wall_time_ms,
            message=f"harness failure: {report.get('error', '')}",
        )
    try:
        status = Status(status_text)
    except ValueError:
        return RunResult(status=Status.SANDBOX_ERROR, message=f"unknown status {status_text!r}")
    if status == Status.RUNTIME_ERROR and execution.oom_killed:
        status = Status.MEMORY_LIMIT
    raw_cases = report.get("cases")
    cases = tuple(
        _case_output(case, hidden) for case in (raw_cases if isinstance(raw_cases, list) else [])
    )
    message = _text(report.get("load_error"), 8000)
    if status == Status.MEMORY_LIMIT and not message:
        message = f"the program ran out of memory ({limits.memory_mb} MB)"
    elif status == Status.TIMEOUT and not message:
        message = f"the program exceeded its time limit ({limits.time_limit_s:g} s)"
    elif status == Status.OUTPUT_LIMIT and not message:
        message = f"the program printed more than {limits.output_limit_bytes} bytes"
    return RunResult(
        status=status,
        exit_code=_int_or_none(report.get("exit_code")),
        signal=_int_or_none(report.get("signal")),
        stdout=_text(report.get("stdout"), limits.output_limit_bytes),
        stderr=_text(report.get("stderr"), limits.output_limit_bytes),
        output_truncated=bool(report.get("output_truncated")),
        wall_time_ms=_int_or_none(report.get("wall_time_ms")) or execution.wall_time_ms,
        cpu_time_ms=_int_or_none(report.get("cpu_time_ms")),
        peak_memory_kb=_int_or_none(report.get("peak_memory_kb")),
        message=message,
        cases=cases,
    )


def _text(value, cap: int) -> str:
    return value[:cap] if isinstance(value, str) else ""


def _int_or_none(value) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _case_output(case, hidden: set[str]) -> CaseOutput:
    """One case of the harness's report, checked again on this side of the boundary: a hidden
    case keeps only its status word and returned value, whatever the report held."""
    if not isinstance(case, dict):
        return CaseOutput(id="", status=str(Status.RUNTIME_ERROR))
    case_id = str(case.get("id"))
    status = case.get("status")
    if status not in CASE_STATUSES:
        status = str(Status.RUNTIME_ERROR)
    actual = case.get("actual")
    if json_depth_over(actual, MAX_DEPTH):
        status, actual = str(Status.RUNTIME_ERROR), None
    if case_id in hidden:
        return CaseOutput(id=case_id, status=status, actual=actual, hidden=True)
    return CaseOutput(
        id=case_id,
        status=status,
        actual=actual,
        error=_text(case.get("error"), 4000),
        time_ms=_int_or_none(case.get("time_ms")) or 0,
        output=_text(case.get("output"), 20000),
    )


def _not_json(name: str):
    raise ValueError(f"{name} is not JSON")


def _harness_report(stdout: bytes, nonce: str) -> dict | None:
    """The harness's one result line, recognised by the nonce nobody else in the box knows."""
    prefix = (nonce + " ").encode()
    for line in stdout.splitlines():
        if line.startswith(prefix):
            try:
                report = json.loads(line[len(prefix) :], parse_constant=_not_json)
            except (ValueError, RecursionError):
                return None
            return report if isinstance(report, dict) else None
    return None


def cleanup_stale_sandboxes(*, older_than_s: float | None = None) -> int:
    """Remove sandbox containers that outlived any run (a crashed worker's); returns the count.

    The default age is longer than any run may take, so other live workers on the same
    engine keep their containers.
    """
    if older_than_s is None:
        older_than_s = float(settings.RUNNER["MAX_TIME_LIMIT_S"]) * 10 + 120
    try:
        return engine().remove_stale(older_than_s=older_than_s)
    except EngineUnavailable as exc:
        logger.warning("could not clean up stale sandboxes: %s", exc)
        return 0


def engine_status() -> tuple[bool, str]:
    """(ready, explanation): is the engine reachable and able to run a sandbox?"""
    return engine().status()
