"""Host-wide bound on concurrent sandboxes: N lock files, one held per running sandbox.

flock() locks belong to an open file description, so they bound threads and processes alike,
and the kernel releases them when a holder dies: a crashed worker never leaks a slot.
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


@contextlib.contextmanager
def slot(directory: Path, count: int, *, timeout_s: float) -> Iterator[int]:
    """Hold one of `count` slots under `directory` for the duration of the block."""
    directory.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + timeout_s
    # Start at a random slot so waiting processes don't all contend for slot 0.
    offset = random.randrange(count)  # noqa: S311 (load spreading, not security)
    while True:
        for step in range(count):
            index = (offset + step) % count
            fd = os.open(directory / f"slot-{index}.lock", os.O_RDWR | os.O_CREAT, 0o600)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                continue
            try:
                yield index
            finally:
                fcntl.flock(fd, fcntl.LOCK_UN)
                os.close(fd)
            return
        if time.monotonic() >= deadline:
            raise SlotsBusy(f"all {count} sandbox slots stayed busy for {timeout_s:g} s")
        time.sleep(0.01 + random.random() * 0.02)  # noqa: S311
