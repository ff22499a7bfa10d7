"""Hostile Markdown, before and after the bounds, side by side in one run, into docs/performance.md.

Before: python-markdown alone (`markdown.markdown`, its own extensions) on each link shape at
--size characters; for the shapes whose cost was in the tables extension or in bleach's
linkifier, the renderer with those two as they were (python-markdown's tables extension,
bleach's `finditer` on the URL pattern). After: the whole renderer (`render_markdown`: the
raw-HTML, nesting and bracket passes, python-markdown, bleach) on the same text, then on the
same shape at the MAX_MARKDOWN_CHARS cap. Each time is the best of --runs.

    .venv/bin/python -m benchmarks.markdown_hostile [--size 20000] [--runs 1]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from datetime import UTC, datetime
from unittest import mock

import markdown

import markup.rendering
from benchmarks.report import machine_description, write_section
from markup.rendering import _URL_RE, MAX_MARKDOWN_CHARS, render_markdown
from markup.tables import LinearTableExtension

# python-markdown's own extensions: the renderer's, with the tables extension as it ships.
EXTENSIONS = [
    "tables" if isinstance(extension, LinearTableExtension) else extension
    for extension in markup.rendering._EXTENSIONS
]

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
# Shapes slow in the tables extension's test or in bleach's linkifier, not in link scanning.
RENDERER_SHAPES: dict[str, Callable[[int], str]] = {
    '"# a\\n" repeated (headings)': lambda n: "# a\n" * (n // 4),
    '"\\|a\\n\\|-\\n# h\\n" repeated (one-column tables)': lambda n: "|a\n|-\n# h\n" * (n // 10),
    '"a-." repeated (domain labels)': lambda n: "a-." * (n // 3),
}


def render_as_before(text: str) -> str:
    """The renderer with python-markdown's tables extension and bleach's own URL search."""
    filter_options = markup.rendering._cleaner.filters[0].keywords
    with (
        mock.patch.object(markup.rendering, "_EXTENSIONS", EXTENSIONS),
        mock.patch.dict(filter_options, {"url_re": _URL_RE}),
    ):
        return render_markdown(text)


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
    shapes = [(name, shape, False) for name, shape in SHAPES.items()]
    shapes += [(name, shape, True) for name, shape in RENDERER_SHAPES.items()]
    for name, shape, in_renderer in shapes:
        text, capped = shape(args.size), shape(MAX_MARKDOWN_CHARS)
        if in_renderer:
            before = best_of(args.runs, lambda text=text: render_as_before(text))
        else:
            before = best_of(
                args.runs, lambda text=text: markdown.markdown(text, extensions=EXTENSIONS)
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
            f"| shape | before, {size} chars | renderer, {size} chars "
            f"| ratio | renderer, {MAX_MARKDOWN_CHARS:,} chars |",
            "|---|---|---|---|---|",
            *rows,
        ]
    )
    write_section("markdown-bench", section)


if __name__ == "__main__":
    main()
