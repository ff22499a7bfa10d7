"""Hostile Markdown, before and after the bounds, side by side in one run, into docs/performance.md.

Before: python-markdown alone (`markdown.markdown`, the renderer's extensions) on each hostile
shape at --size characters. After: the whole renderer (`render_markdown`: the raw-HTML, nesting
and bracket passes, python-markdown, bleach) on the same text, then on the same shape at the
MAX_MARKDOWN_CHARS cap. Each time is the best of --runs.

    .venv/bin/python -m benchmarks.markdown_hostile [--size 20000] [--runs 1]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from datetime import UTC, datetime

import markdown

from benchmarks.report import machine_description, write_section
from markup.rendering import _EXTENSIONS, MAX_MARKDOWN_CHARS, render_markdown

SHAPES: dict[str, Callable[[int], str]] = {
    '"[a](" repeated': lambda n: "[a](" * (n // 4),
    '"[" repeated': lambda n: "[" * n,
    '"[a][" repeated': lambda n: "[a][" * (n // 4),
    '"![a](" repeated': lambda n: "![a](" * (n // 5),
    '"[" then "]" (nested)': lambda n: "[" * (n // 2) + "]" * (n // 2),
    '"[a](\\"" (unclosed titles)': lambda n: '[a]("' * (n // 5),
    '"![" repeated': lambda n: "![" * (n // 2),
    '"[a]" repeated, no definitions': lambda n: "[a]" * (n // 3),
    '"[a](" then "(" repeated': lambda n: "[a](" + "(" * (n - 4),
    "table rows": lambda n: "a|b\n-|-\n" + "x|y\n" * ((n - 8) // 4),
}


def best_of(runs: int, render: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        render()
        times.append(time.perf_counter() - started)
    return min(times)


def ratio(value: float) -> str:
    return f"{value:.0f}x" if value >= 10 else f"{value:.2f}x"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    rows = []
    for name, shape in SHAPES.items():
        text, capped = shape(args.size), shape(MAX_MARKDOWN_CHARS)
        before = best_of(
            args.runs, lambda text=text: markdown.markdown(text, extensions=_EXTENSIONS)
        )
        after = best_of(args.runs, lambda text=text: render_markdown(text))
        at_cap = best_of(args.runs, lambda capped=capped: render_markdown(capped))
        rows.append(
            f"| {name} | {before:.2f} s | {after:.3f} s | {ratio(before / after)} "
            f"| {at_cap:.2f} s |"
        )
        print(rows[-1], flush=True)
    size = f"{args.size:,}"
    section = "\n".join(
        [
            "## Markdown (hostile input)",
            "",
            f"Measured {datetime.now(UTC):%Y-%m-%d} on: {machine_description()}.",
            "Command: `.venv/bin/python -m benchmarks.markdown_hostile` "
            f"(`--size {args.size} --runs {args.runs}`), best of {args.runs}.",
            "",
            f"| shape | python-markdown alone, {size} chars | renderer, {size} chars "
            f"| ratio | renderer, {MAX_MARKDOWN_CHARS:,} chars |",
            "|---|---|---|---|---|",
            *rows,
        ]
    )
    write_section("markdown-bench", section)


if __name__ == "__main__":
    main()
