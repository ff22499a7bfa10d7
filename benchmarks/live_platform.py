"""A scratch platform for benchmarks: its own SQLite database, the web server and N grading
workers as separate processes, driven through the HTTP API with token auth."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LivePlatform:
    """`setup` is a `manage.py shell` script printing one API token per line; `tokens` keeps
    them in order. `env` adds to (or overrides) a benchmark's environment: no throttles, no
    queue limits, no submit budget."""

    def __init__(self, *, workers: int, setup: str, env: dict[str, str]):
        self.tmp = tempfile.mkdtemp(prefix="bench-")
        self.port = free_port()
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.base",
            "VAR_DIR": self.tmp,
            "DATABASE_URL": f"sqlite:///{self.tmp}/db.sqlite3",
            "THROTTLE_RUN": "100000/min",
            "THROTTLE_SUBMIT": "100000/min",
            "SUBMISSIONS_MAX_QUEUED": "100000",
            "SUBMISSIONS_MAX_IN_FLIGHT_PER_USER": "100000",
            "SUBMISSIONS_SUBMITS_PER_CHALLENGE_PER_HOUR": "0",
            # Its own sandbox slots: nothing else on the host shares (or skews) them.
            "SANDBOX_SLOTS_DIR": f"{self.tmp}/slots",
            **env,
        }
        self.manage("migrate", "-v", "0")
        self.tokens = self.manage("shell", "-c", setup).strip().splitlines()
        self.processes = [
            self.spawn("runserver", "--noreload", f"127.0.0.1:{self.port}"),
            *[self.spawn("runworker", "--interval", "0.05") for _ in range(workers)],
        ]
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/healthz", timeout=1)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)

    def manage(self, *args: str) -> str:
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT, env=self.env, check=True, capture_output=True, text=True,
        ).stdout  # fmt: skip

    def spawn(self, *args: str) -> subprocess.Popen:
        return subprocess.Popen(
            [sys.executable, "manage.py", *args],
            cwd=ROOT, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip

    def api(self, token: str, method: str, path: str, body: dict | None = None) -> dict:
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}/api/{path}",
            method=method,
            data=json.dumps(body).encode() if body is not None else None,
            headers={"Authorization": f"Token {token}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read())

    def submit(self, token: str, challenge: str, code: str) -> int:
        body = {"challenge": challenge, "mode": "submit", "code": code}
        return self.api(token, "POST", "submissions/", body)["id"]

    def wait(self, token: str, submission_id: int, poll_s: float = 0.02) -> dict:
        while True:
            submission = self.api(token, "GET", f"submissions/{submission_id}/")
            if submission["finished"]:
                return submission
            time.sleep(poll_s)

    def close(self) -> None:
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            process.wait(timeout=60)
