"""Resource limits: settings defaults, per-challenge overrides, capped by admin maximums."""

from __future__ import annotations

from django.conf import settings

from runner.specs import Limits


def default_limits() -> Limits:
    conf = settings.RUNNER
    return Limits(
        time_limit_s=float(conf["TIME_LIMIT_S"]),
        memory_mb=int(conf["MEMORY_MB"]),
        pids=int(conf["PIDS"]),
        cpus=float(conf["CPUS"]),
        output_limit_bytes=int(conf["OUTPUT_LIMIT_BYTES"]),
        tmpfs_mb=int(conf["TMPFS_MB"]),
    )


def limits_for(*, time_limit_s: float | None = None, memory_mb: int | None = None) -> Limits:
    """Defaults with a challenge's overrides, never above the MAX_* settings."""
    conf = settings.RUNNER
    base = default_limits()
    time_s = base.time_limit_s if time_limit_s is None else float(time_limit_s)
    memory = base.memory_mb if memory_mb is None else int(memory_mb)
    if time_s <= 0 or memory <= 0:
        raise ValueError("time and memory limits must be positive")
    return Limits(
        time_limit_s=min(time_s, float(conf["MAX_TIME_LIMIT_S"])),
        memory_mb=min(memory, int(conf["MAX_MEMORY_MB"])),
        pids=base.pids,
        cpus=base.cpus,
        output_limit_bytes=base.output_limit_bytes,
        tmpfs_mb=base.tmpfs_mb,
    )
