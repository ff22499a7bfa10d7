"""Pre-created one-shot sandboxes: created and attached ahead of need, started once, removed.

Creating a container is a large share of a short run's latency; doing it between runs (and
removing finished containers after the caller has its result) takes it off the critical path.
A pooled sandbox is never reused: each is started exactly once. The pool knows nothing of
Docker: its engine gives it a way to create a sandbox and a way to discard one.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Hashable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Protocol

from runner.engine import EngineUnavailable

logger = logging.getLogger(__name__)


class Prepared(Protocol):
    """A sandbox created ahead of need; `created_at` is its `time.monotonic()` birth."""

    created_at: float


class ContainerPool:
    def __init__(self, *, size: int, discard: Callable[[Prepared], None], max_idle_s: float = 60.0):
        self.size = size
        self.max_idle_s = max_idle_s
        self._discard = discard
        self._idle: dict[Hashable, list[Prepared]] = {}
        self._refilling: set[Hashable] = set()
        self._lock = threading.Lock()
        self._pending: set[Future] = set()
        self._executor = ThreadPoolExecutor(max_workers=2, thread_name_prefix="sandbox-pool")
        self._closed = False

    def take(self, key: Hashable, create: Callable[[], Prepared]) -> Prepared:
        """A fresh prepared container for `key`: from the pool if one is ready, else new."""
        prepared = None
        with self._lock:
            stale = self._evict_locked(room_for=0)
            idle = self._idle.get(key, [])
            if idle:
                prepared = idle.pop()
        for old in stale:
            self.release(old)
        if prepared is None:
            prepared = create()
        if self.size > 0:
            self._refill(key, create)
        return prepared

    def release(self, prepared: Prepared) -> None:
        """Remove a used (or unwanted) container in the background."""
        self._submit(self._discard, prepared)

    def drain(self, timeout_s: float = 30.0) -> None:
        """Wait for background creations and removals (tests; shutdown)."""
        deadline = time.monotonic() + timeout_s
        while True:
            with self._lock:
                pending = list(self._pending)
            if not pending or time.monotonic() > deadline:
                return
            for future in pending:
                future.exception(timeout=max(0.0, deadline - time.monotonic()))

    def close(self) -> None:
        """Remove every idle container; called at exit."""
        with self._lock:
            self._closed = True
            idle = [p for group in self._idle.values() for p in group]
            self._idle.clear()
        for prepared in idle:
            self._discard(prepared)
        self.drain()
        self._executor.shutdown(wait=True)

    def _evict_locked(self, *, room_for: int) -> list[Prepared]:
        """Take out expired spares, then the oldest ones until `room_for` more fit in `size`."""
        now = time.monotonic()
        evicted = []
        for group in self._idle.values():
            evicted += [p for p in group if now - p.created_at >= self.max_idle_s]
            group[:] = [p for p in group if now - p.created_at < self.max_idle_s]
        spares = sorted(
            ((p.created_at, key, p) for key, group in self._idle.items() for p in group),
            key=lambda item: item[0],
        )
        while spares and len(spares) + room_for > self.size:
            _, key, oldest = spares.pop(0)
            self._idle[key].remove(oldest)
            evicted.append(oldest)
        return evicted

    def _submit(self, function, *args) -> None:
        with self._lock:
            if self._closed:
                function(*args)
                return
            future = self._executor.submit(function, *args)
            self._pending.add(future)
        future.add_done_callback(self._done)

    def _done(self, future: Future) -> None:
        with self._lock:
            self._pending.discard(future)

    def _refill(self, key: Hashable, create: Callable[[], Prepared]) -> None:
        with self._lock:
            if key in self._refilling or len(self._idle.get(key, [])) >= self.size:
                return
            self._refilling.add(key)

        def fill() -> None:
            try:
                while True:
                    with self._lock:
                        if self._closed or len(self._idle.get(key, [])) >= self.size:
                            return
                    prepared = create()
                    with self._lock:
                        closed = self._closed
                        evicted = [] if closed else self._evict_locked(room_for=1)
                        if not closed:
                            self._idle.setdefault(key, []).append(prepared)
                    for old in evicted:
                        self._discard(old)
                    if closed:
                        self._discard(prepared)
                        return
            except EngineUnavailable as exc:
                logger.warning("sandbox pool refill failed: %s", exc)
            finally:
                with self._lock:
                    self._refilling.discard(key)

        self._submit(fill)
