"""Host-wide bound on concurrent sandboxes: N lock files, one held per running sandbox.

flock() locks belong to an open file description, so they bound threads and processes alike,
and the kernel releases them when a holder dies: a crashed worker never leaks a slot.
Background work (an author's validation) asks for `keep_free=1`: it takes a slot only while
another one stays free, so it never takes the last slot a candidate's submission could use.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import random
import time
from collections.abc import Iterator
from pathlib import Path


class SlotsBusy(Exception):
    """Every slot stayed taken for the whole wait: back-pressure, try again later."""


def _try_lock(directory: Path, index: int) -> int | None:
    fd = os.open(directory / f"slot-{index}.lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return None
    return fd


def _unlock(fd: int) -> None:
    fcntl.flock(fd, fcntl.LOCK_UN)
    os.close(fd)


def _others_free(directory: Path, count: int, taken: int, wanted: int) -> bool:
    """Are at least `wanted` slots besides `taken` free right now? (probed, then let go)"""
    if wanted <= 0:
        return True
    probes = []
    try:
        for index in range(count):
            if index == taken:
                continue
            fd = _try_lock(directory, index)
            if fd is not None:
                probes.append(fd)
                if len(probes) >= wanted:
                    return True
        return False
    finally:
        for fd in probes:
            _unlock(fd)


@contextlib.contextmanager
def slot(directory: Path, count: int, *, timeout_s: float, keep_free: int = 0) -> Iterator[int]:
    """Hold one of `count` slots under `directory` for the duration of the block.

    With `keep_free=k`, a slot is taken only while at least k others are free at that moment.
    """
    directory.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + timeout_s
    keep_free = max(0, min(int(keep_free), count - 1))
    # Start at a random slot so waiting processes don't all contend for slot 0.
    offset = random.randrange(count)  # noqa: S311 (load spreading, not security)
    while True:
        for step in range(count):
            index = (offset + step) % count
            fd = _try_lock(directory, index)
            if fd is None:
                continue
            if not _others_free(directory, count, index, keep_free):
                _unlock(fd)
                break
            try:
                yield index
            finally:
                _unlock(fd)
            return
        if time.monotonic() >= deadline:
            detail = f" (background work leaves {keep_free} free)" if keep_free else ""
            raise SlotsBusy(f"all {count} sandbox slots stayed busy for {timeout_s:g} s{detail}")
        time.sleep(0.01 + random.random() * 0.02)  # noqa: S311
