"""Submission benchmarks (issue 5), side by side in one run, written to docs/performance.md.

(a) submit -> verdict latency through the real HTTP API (token auth, polling) with one worker,
    for a 20-case Python challenge: p50/p95;
(b) a burst of 200 submissions: every one graded, none lost; the drain rate with 2 workers
    against a raw `docker run` loop at the same concurrency.

    .venv/bin/python -m benchmarks.submissions_bench [--latency-runs 30] [--burst 200]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor

from benchmarks.live_platform import LivePlatform

SOLUTION = """
def order_total(items, coupon=None):
    subtotal = sum(i["unit_price_cents"] * i["quantity"] for i in items)
    discount = 0
    if coupon and subtotal >= coupon.get("min_subtotal_cents", 0):
        discount = (subtotal * coupon["value"] + 50) // 100
    return {"total": subtotal - min(discount, subtotal)}
"""


class Platform(LivePlatform):
    """One candidate submitting the 20-case challenge to N workers."""

    def __init__(self, workers: int):
        super().__init__(
            workers=workers,
            setup=f"SOLUTION = {SOLUTION!r}\n{SETUP}",
            env={
                "DEBUG": "1",
                # One client measures the whole fleet: its submissions may use every worker
                # (the fair-queue cap is measured in fair_queue_bench).
                "SUBMISSIONS_MAX_RUNNING_PER_USER": "0",
                "SANDBOX_CONCURRENCY": "2",
            },
        )
        self.token = self.tokens[-1]

    def submit(self) -> int:
        return super().submit(self.token, "bench-twenty-cases", SOLUTION)

    def wait(self, submission_id: int, poll_s: float = 0.02) -> dict:
        return super().wait(self.token, submission_id, poll_s)


SETUP = """
from challenges.models import Challenge, ChallengeVersion, TestCase
from accounts.models import User
from rest_framework.authtoken.models import Token
challenge = Challenge.objects.create(slug="bench-twenty-cases", title="Bench", kind="python",
    difficulty="easy", is_published=True)
version = ChallengeVersion.objects.create(challenge=challenge, number=1, statement_md="x",
    statement_html="x", content_digest="bench", config={"entrypoint": "order_total"})
solution = {}
exec(SOLUTION, solution)
def args(i):
    return [[{"sku": "S", "unit_price_cents": 100 + i, "quantity": 1 + i % 3}] * i,
            {"type": "percent", "value": i}]
TestCase.objects.bulk_create(TestCase(version=version, ordinal=i, name=f"case {i}",
    visibility="example" if i < 2 else "hidden", input={"args": args(i)},
    expected=solution["order_total"](*args(i)), category="c", hint="h") for i in range(20))
challenge.current_version = version
challenge.save()
user = User.objects.create_user("bench", password="bench-password-123")
print(Token.objects.create(user=user).key)
"""


def raw_loop(runs: int, concurrency: int) -> float:
    image = os.environ.get("SANDBOX_IMAGE", "interview-sandbox:latest")

    def one(_):
        subprocess.run(
            ["docker", "run", "--rm", "--network", "none", image, "python3", "-c", "print(1)"],
            check=True,
            capture_output=True,
        )

    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as executor:
        list(executor.map(one, range(runs)))
    return runs / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--latency-runs", type=int, default=30)
    parser.add_argument("--burst", type=int, default=200)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    from benchmarks.report import machine_description, percentile, write_section

    single = Platform(workers=1)
    try:
        single.wait(single.submit())  # warm-up
        latencies = []
        for _ in range(args.latency_runs):
            started = time.perf_counter()
            result = single.wait(single.submit())
            latencies.append(time.perf_counter() - started)
            assert (result["status"], result["verdict"]) == ("done", "accepted"), result
    finally:
        single.close()

    burst = Platform(workers=2)
    try:
        started = time.perf_counter()
        ids = [burst.submit() for _ in range(args.burst)]
        results = [burst.wait(i, poll_s=0.05) for i in ids]
        drain_s = time.perf_counter() - started
    finally:
        burst.close()
    graded = sum(1 for r in results if r["status"] == "done")
    raw_rate = raw_loop(40, 2)
    drain_rate = args.burst / drain_s
    report = "\n".join(
        [
            "## Submissions (issue 5)",
            "",
            f"Measured {time.strftime('%Y-%m-%d')} on: {machine_description()}.",
            "Command: `.venv/bin/python -m benchmarks.submissions_bench` "
            f"(`--latency-runs {args.latency_runs} --burst {args.burst}`). SQLite, runserver, "
            "workers with a 50 ms queue poll.",
            "",
            f"**(a) Submit -> verdict** through the HTTP API (token auth, polling every 20 ms), "
            f"one worker, a 20-case Python challenge, {args.latency_runs} runs:",
            "",
            "| p50 | p95 | target |",
            "|---|---|---|",
            f"| {percentile(latencies, 50) * 1000:.0f} ms "
            f"| {percentile(latencies, 95) * 1000:.0f} ms | p50 <= 600 ms |",
            "",
            f"**(b) A burst of {args.burst} submissions**, 2 workers (the machine has 2 cores):",
            "",
            "| graded | lost | drain rate | raw `docker run` loop, concurrency 2 | ratio |",
            "|---|---|---|---|---|",
            f"| {graded} | {args.burst - graded} | {drain_rate:.1f}/s | {raw_rate:.1f}/s "
            f"| {drain_rate / raw_rate:.0%} |",
        ]
    )
    print(report)
    if not args.no_write:
        write_section("submissions-bench", report)


if __name__ == "__main__":
    main()
