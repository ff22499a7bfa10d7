"""Run the real grading worker as a separate process against the test database."""

from __future__ import annotations

import os
import subprocess
import sys
from urllib.parse import quote

from django.conf import settings
from django.db import connection


def test_database_url() -> str:
    db = connection.settings_dict
    if db["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{db['NAME']}"
    auth = quote(db["USER"] or "")
    if db.get("PASSWORD"):
        auth += ":" + quote(db["PASSWORD"])
    host = db["HOST"] or "127.0.0.1"
    return f"postgres://{auth}@{host}:{db['PORT'] or 5432}/{db['NAME']}"


def start_worker(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": test_database_url(),
        "TASKS_BACKEND": "db",
        **(env or {}),
    }
    return subprocess.Popen(
        [sys.executable, "manage.py", "runworker", "--interval", "0.1", *args],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def stop_worker(process: subprocess.Popen) -> str:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    return process.stdout.read() if process.stdout else ""


class OutputReader:
    """Collects a worker's output lines as they come (the worker runs unbuffered), so a test can
    wait for a line instead of sleeping."""

    def __init__(self, process: subprocess.Popen) -> None:
        import threading

        self.lines: list[str] = []
        self._thread = threading.Thread(target=self._read, args=(process,), daemon=True)
        self._thread.start()

    def _read(self, process: subprocess.Popen) -> None:
        for line in iter(process.stdout.readline, ""):
            self.lines.append(line)

    def wait_for(self, text: str, timeout: float = 60.0) -> None:
        import time

        deadline = time.monotonic() + timeout
        while not any(text in line for line in list(self.lines)):
            assert time.monotonic() < deadline, f"no {text!r} within {timeout} s: {self.text()}"
            time.sleep(0.05)

    def text(self) -> str:
        return "".join(self.lines)

    def close(self) -> str:
        self._thread.join(timeout=10)
        return self.text()
