"""Fair-queue benchmark (issue 10): another user's latency with three sleeping submissions in
flight, with the per-user running cap on (the default, 1) and off (0), written to
docs/performance.md.

For each variant, a scratch platform (SQLite, runserver, 2 grading workers, 2 sandbox slots):
(a) user B's simple submit -> verdict, idle, median of N;
(b) N rounds of: user A submits three programs that sleep --sleep-s per case (within the time
    limit, no CPU used); once one of them runs, B submits; B's submit -> verdict; A's drain.

    .venv/bin/python -m benchmarks.fair_queue_bench [--rounds 5] [--sleep-s 4]
"""

from __future__ import annotations

import argparse
import os
import secrets
import time

from benchmarks.live_platform import LivePlatform

SOLUTION = "def double(n):\n    return 2 * n\n"
SLEEPER = "import time\n\ndef double(n):\n    time.sleep({sleep_s})\n    return 2 * n\n"
WORKERS = 2

SETUP = """
from challenges.models import Challenge, ChallengeVersion, TestCase
from accounts.models import User
from rest_framework.authtoken.models import Token
challenge = Challenge.objects.create(slug="bench-fair", title="Bench", kind="python",
    difficulty="easy", is_published=True)
version = ChallengeVersion.objects.create(challenge=challenge, number=1, statement_md="x",
    statement_html="x", content_digest="bench-fair",
    config={"entrypoint": "double", "time_limit_s": TIME_LIMIT_S})
TestCase.objects.bulk_create([
    TestCase(version=version, ordinal=0, name="one", visibility="example", input={"args": [1]},
             expected=2),
    TestCase(version=version, ordinal=1, name="two", visibility="hidden", input={"args": [2]},
             expected=4, category="c", hint="h"),
])
challenge.current_version = version
challenge.save()
for name in ("alice", "bob"):
    user = User.objects.create_user(name, password="bench-password-123")
    print(Token.objects.create(user=user).key)
"""


class FairPlatform(LivePlatform):
    """Two grading workers and two sandbox slots; users alice and bob."""

    def __init__(self, *, max_running_per_user: int, time_limit_s: float):
        super().__init__(
            workers=WORKERS,
            setup=f"TIME_LIMIT_S = {time_limit_s!r}\n{SETUP}",
            env={
                # Not DEBUG: its workers would restart (and drop a grading) on any source change.
                "DEBUG": "0",
                "SECRET_KEY": secrets.token_urlsafe(50),
                "ALLOWED_HOSTS": "127.0.0.1",
                "SECURE_SSL_REDIRECT": "0",
                "SUBMISSIONS_MAX_RUNNING_PER_USER": str(max_running_per_user),
                "SANDBOX_CONCURRENCY": str(WORKERS),
            },
        )
        self.users = dict(zip(("alice", "bob"), self.tokens[-2:], strict=True))

    def submit(self, user: str, code: str) -> int:
        return super().submit(self.users[user], "bench-fair", code)

    def status(self, user: str, submission_id: int) -> str:
        return self.api(self.users[user], "GET", f"submissions/{submission_id}/")["status"]

    def wait(self, user: str, submission_id: int, poll_s: float = 0.02) -> dict:
        return super().wait(self.users[user], submission_id, poll_s)

    def timed_submit(self, user: str, code: str) -> float:
        started = time.perf_counter()
        result = self.wait(user, self.submit(user, code))
        assert (result["status"], result["verdict"]) == ("done", "accepted"), result
        return time.perf_counter() - started


def measure(*, max_running_per_user: int, rounds: int, sleep_s: float) -> dict:
    platform = FairPlatform(max_running_per_user=max_running_per_user, time_limit_s=sleep_s + 2)
    sleeper = SLEEPER.format(sleep_s=sleep_s)
    try:
        platform.timed_submit("bob", SOLUTION)  # warm-up
        idle = [platform.timed_submit("bob", SOLUTION) for _ in range(rounds)]
        loaded, sleepers_s = [], []
        for _ in range(rounds):
            started = time.perf_counter()
            ids = [platform.submit("alice", sleeper) for _ in range(3)]
            while not any(platform.status("alice", i) == "running" for i in ids):
                time.sleep(0.02)
            loaded.append(platform.timed_submit("bob", SOLUTION))
            for i in ids:
                result = platform.wait("alice", i, poll_s=0.1)
                assert result["verdict"] == "accepted", result
            sleepers_s.append(time.perf_counter() - started)
    finally:
        platform.close()
    return {"idle": idle, "loaded": loaded, "sleepers": sleepers_s}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--sleep-s", type=float, default=4.0)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    from benchmarks.report import machine_description, median

    variants = [
        ("per-user cap 1 (default)", 1),
        ("no cap (`SUBMISSIONS_MAX_RUNNING_PER_USER=0`)", 0),
    ]
    rows = []
    for label, cap in variants:
        numbers = measure(max_running_per_user=cap, rounds=args.rounds, sleep_s=args.sleep_s)
        idle, loaded = median(numbers["idle"]), median(numbers["loaded"])
        rows.append(
            f"| {label} | {idle * 1000:.0f} ms | {loaded * 1000:.0f} ms "
            f"(max {max(numbers['loaded']) * 1000:.0f} ms) | {loaded / idle:.1f}x "
            f"| {median(numbers['sleepers']):.1f} s |"
        )
    report = "\n".join(
        [
            "## Fair queue (issue 10)",
            "",
            f"Measured {time.strftime('%Y-%m-%d')} on: {machine_description()}.",
            "Command: `.venv/bin/python -m benchmarks.fair_queue_bench` "
            f"(`--rounds {args.rounds} --sleep-s {args.sleep_s:g}`). SQLite, runserver, "
            f"{WORKERS} grading workers and {WORKERS} sandbox slots, workers polling every 50 ms.",
            "",
            "User B's simple submit -> verdict through the HTTP API (median of "
            f"{args.rounds}), idle and then with three submissions of user A in flight that sleep "
            f"{args.sleep_s:g} s per case (2 cases, within the time limit, no CPU used):",
            "",
            "| variant | B idle | B with A's 3 sleepers in flight | ratio | A's 3 sleepers "
            "drained in |",
            "|---|---|---|---|---|",
            *rows,
            "",
            "Target: with the cap, B's latency <= 2x idle.",
        ]
    )
    print(report)
    if not args.no_write:
        from benchmarks.report import write_section

        write_section("fair-queue-bench", report)


if __name__ == "__main__":
    main()
