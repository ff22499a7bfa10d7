"""Runner benchmarks (issue 3), side by side in one run, written to docs/performance.md.

(a) one trivial run through the runner vs a raw `docker run` of the same image and program;
(b) throughput of trivial runs at concurrency 1/2/4/8, runner vs a raw docker-run loop;
(c) a 20-case grading run: latency p50/p95.
The runner is measured with its container pool on and off, so the pool's effect is visible.

    .venv/bin/python -m benchmarks.runner_bench [--runs 20] [--no-write]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
django.setup()

from django.conf import settings  # noqa: E402

from benchmarks.report import machine_description, median, percentile, write_section  # noqa: E402
from runner import docker_engine  # noqa: E402
from runner.facade import (  # noqa: E402
    CaseInput,
    Mode,
    RunSpec,
    Status,
    close_engines,
    run,
    settle,
)

TRIVIAL = "print(1)"
CONCURRENCY = (1, 2, 4, 8)
TWENTY_CASES = """
def order_total(items, coupon=None):
    subtotal = sum(i["unit_price_cents"] * i["quantity"] for i in items)
    discount = 0
    if coupon and subtotal >= coupon.get("min_subtotal_cents", 0):
        if coupon["type"] == "percent":
            discount = (subtotal * coupon["value"] + 50) // 100
        else:
            discount = coupon["value"]
    discount = min(discount, subtotal)
    return {"subtotal_cents": subtotal, "discount_cents": discount, "total": subtotal - discount}
"""


def raw_docker_run() -> float:
    image = settings.RUNNER["ENGINE_OPTIONS"]["image"]
    started = time.perf_counter()
    subprocess.run(
        ["docker", "run", "--rm", "--network", "none", image, "python3", "-c", TRIVIAL],
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - started


def raw_sdk_run() -> float:
    """The engine's own naive path without the CLI: create, start, wait, logs, remove."""
    client = docker_engine.client(settings.RUNNER["ENGINE_OPTIONS"]["docker_host"])
    started = time.perf_counter()
    output = client.containers.run(
        settings.RUNNER["ENGINE_OPTIONS"]["image"],
        ["python3", "-c", TRIVIAL],
        network_mode="none",
        remove=True,
    )
    if output != b"1\n":
        raise RuntimeError(f"raw run printed {output!r}")
    return time.perf_counter() - started


def runner_run(spec: RunSpec) -> float:
    started = time.perf_counter()
    result = run(spec)
    elapsed = time.perf_counter() - started
    if result.status != Status.OK:
        raise RuntimeError(f"benchmark run failed: {result}")
    return elapsed


def use_pool(size: int, concurrency: int) -> None:
    """The next runs use an engine with `size` spares per limits; the previous engine's pool is
    emptied so its spares don't count against this variant."""
    settle()
    close_engines()
    settings.RUNNER["ENGINE_OPTIONS"] = {**settings.RUNNER["ENGINE_OPTIONS"], "pool_size": size}
    settings.RUNNER["CONCURRENCY"] = concurrency


def single_run(runs: int) -> dict[str, float]:
    """Median latency, interleaved so drift hits every variant alike."""
    samples: dict[str, list[float]] = {"raw": [], "sdk": [], "pool_off": [], "pool_on": []}
    trivial = RunSpec(source=TRIVIAL)
    for _ in range(runs):
        samples["raw"].append(raw_docker_run())
        samples["sdk"].append(raw_sdk_run())
        for name, size in (("pool_off", 0), ("pool_on", 1)):
            use_pool(size, 1)
            runner_run(trivial)  # warm: the pool's spare exists before the timed run
            settle()
            samples[name].append(runner_run(trivial))
            settle()
    return {name: median(values) for name, values in samples.items()}


def throughput(runs_per_level: int) -> list[dict[str, float]]:
    rows = []
    trivial = RunSpec(source=TRIVIAL)
    for concurrency in CONCURRENCY:
        row = {"concurrency": concurrency}
        started = time.perf_counter()
        with ThreadPoolExecutor(concurrency) as executor:
            list(executor.map(lambda _: raw_docker_run(), range(runs_per_level)))
        row["raw"] = runs_per_level / (time.perf_counter() - started)
        started = time.perf_counter()
        with ThreadPoolExecutor(concurrency) as executor:
            list(executor.map(lambda _: raw_sdk_run(), range(runs_per_level)))
        row["sdk"] = runs_per_level / (time.perf_counter() - started)
        for name, size in (("pool_off", 0), ("pool_on", concurrency)):
            use_pool(size, concurrency)
            started = time.perf_counter()
            with ThreadPoolExecutor(concurrency) as executor:
                list(executor.map(lambda _: runner_run(trivial), range(runs_per_level)))
            row[name] = runs_per_level / (time.perf_counter() - started)
            settle()
        rows.append(row)
    return rows


def grading(runs: int) -> dict[str, dict[str, float]]:
    cases = tuple(
        CaseInput(
            id=str(i),
            input={
                "args": [
                    [
                        {"sku": f"S{j}", "unit_price_cents": 100 + j, "quantity": j % 3 + 1}
                        for j in range(i * 5)
                    ],
                    {"type": "percent", "value": i},
                ]
            },
        )
        for i in range(20)
    )
    spec = RunSpec(
        source=TWENTY_CASES, mode=Mode.PYTHON_CASES, entrypoint="order_total", cases=cases
    )
    out = {}
    for name, size in (("pool_off", 0), ("pool_on", 1)):
        use_pool(size, 1)
        runner_run(spec)
        samples = []
        for _ in range(runs):
            settle()
            samples.append(runner_run(spec))
        out[name] = {"p50": percentile(samples, 50), "p95": percentile(samples, 95)}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20, help="samples per measurement (>= 20)")
    parser.add_argument("--throughput-runs", type=int, default=40, help="runs per level")
    parser.add_argument("--no-write", action="store_true", help="print, don't update the doc")
    args = parser.parse_args()
    original = dict(settings.RUNNER)
    try:
        a = single_run(args.runs)
        b = throughput(args.throughput_runs)
        c = grading(args.runs)
    finally:
        settings.RUNNER.update(original)
    best_raw = max(row["raw"] for row in b)
    best_sdk = max(row["sdk"] for row in b)
    best_on = max(row["pool_on"] for row in b)
    best_off = max(row["pool_off"] for row in b)
    ms = lambda seconds: f"{seconds * 1000:.0f} ms"  # noqa: E731
    lines = [
        "## Runner (issue 3)",
        "",
        f"Measured {time.strftime('%Y-%m-%d')} on: {machine_description()}.",
        "Command: `.venv/bin/python -m benchmarks.runner_bench`"
        f" (`--runs {args.runs} --throughput-runs {args.throughput_runs}`).",
        "",
        f"**(a) One trivial run** (`print(1)`), median of {args.runs}, interleaved:",
        "",
        "| variant | median | vs raw `docker run` | vs raw SDK run |",
        "|---|---|---|---|",
        f"| raw `docker run --rm --network none` (CLI) | {ms(a['raw'])} | 1.00x "
        f"| {a['raw'] / a['sdk']:.2f}x |",
        f"| raw SDK `containers.run(remove=True)` | {ms(a['sdk'])} | {a['sdk'] / a['raw']:.2f}x "
        "| 1.00x |",
        *[
            f"| runner, {label} | {ms(a[key])} | {a[key] / a['raw']:.2f}x "
            f"| {a[key] / a['sdk']:.2f}x |"
            for key, label in (("pool_off", "pool off"), ("pool_on", "pool on"))
        ],
        "",
        f"**(b) Throughput** of trivial runs, {args.throughput_runs} runs per level (runs/s):",
        "",
        "| concurrency | raw CLI loop | raw SDK loop | runner, pool off | runner, pool on |",
        "|---|---|---|---|---|",
        *[
            f"| {r['concurrency']} | {r['raw']:.1f} | {r['sdk']:.1f} | {r['pool_off']:.1f} "
            f"| {r['pool_on']:.1f} |"
            for r in b
        ],
        "",
        f"Best levels: raw CLI {best_raw:.1f}/s, raw SDK {best_sdk:.1f}/s; runner "
        f"{best_off:.1f}/s without the pool ({best_off / best_raw:.0%} of raw CLI, "
        f"{best_off / best_sdk:.0%} of raw SDK), {best_on:.1f}/s with it "
        f"({best_on / best_raw:.0%}, {best_on / best_sdk:.0%}).",
        "",
        f"**(c) A 20-case grading run** (Python cases), {args.runs} runs:",
        "",
        "| variant | p50 | p95 |",
        "|---|---|---|",
        *[
            f"| runner, {name.replace('_', ' ')} | {ms(v['p50'])} | {ms(v['p95'])} |"
            for name, v in c.items()
        ],
    ]
    report = "\n".join(lines)
    print(report)
    if not args.no_write:
        write_section("runner-bench", report)


if __name__ == "__main__":
    main()
