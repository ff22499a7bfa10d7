"""A work bound for Markdown links: python-markdown scans from every `[` to its `]`, or to the end.

Its link, image and reference processors try every `[` of a paragraph: each looks for the
matching `]` character by character (to the end of the paragraph when there is none), then for
the `)` matching a `(` right after it (to the end when there is none or a quote opens a title),
so "[" * 20000 or "[a](" * 10000 in one paragraph took close to a minute. This pass runs before
python-markdown, on the same text, and per paragraph (lines between blank lines, outside fenced
and indented code and code spans) keeps the first `[` only while

- they make at most MAX_LINKS links in the paragraph (the second `[` of `[text][ref]` belongs
  to the same link), and
- the characters those scans would read, over the whole text, stay within SCAN_BUDGET
  (a `[` counts the text up to its `]`, plus the text up to the `)` after it, each of them to
  the end of the paragraph when unclosed);

every later `[` of that paragraph is replaced by BRACKET, which python-markdown and bleach pass
through as a plain character and the renderer turns back into "[" at the very end, so nothing is
lost, and the author gets a warning naming its line. (A backslash escape would read the same,
but python-markdown rebuilds the paragraph's text once per escape: thousands of them are slow
too.) Documents within both bounds are left exactly as written.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from markup.raw_html import code_regions

BRACKET = "\ue001"  # a private-use character standing for a `[` shown as text (see `limited`)
MAX_LINKS = 100
# About 0.3 s of python-markdown's scanning on the machine of docs/performance.md; a packaged
# statement needs a few thousand.
SCAN_BUDGET = 500_000
# Characters python-markdown's link scans react to; escaped ones are placeholders to it.
_MARKS = re.compile(r"\\*[\[\]()\"']")


def _marks(source: str, code: list[tuple[int, int]]) -> list[int]:
    """Positions of the unescaped brackets, parentheses and quotes of `source`, not in code."""
    found, region = [], 0
    for match in _MARKS.finditer(source):
        at = match.end() - 1
        if (at - match.start()) % 2:  # an odd run of backslashes escapes it
            continue
        while region < len(code) and code[region][1] <= at:
            region += 1
        if region < len(code) and code[region][0] <= at:
            continue
        found.append(at)
    return found


class _Paragraph:
    """The brackets of one paragraph and the scanning cost of keeping its first k `[`."""

    def __init__(self, source: str, marks: list[int], end: int) -> None:
        self.source, self.marks, self.end = source, marks, end
        self.chars = [source[at] for at in marks]
        self.opens = [at for at, ch in zip(marks, self.chars, strict=True) if ch == "["]
        self.closes = [at for at, ch in zip(marks, self.chars, strict=True) if ch == "]"]
        # The ")" closing each "(" (this pass never changes parentheses, so it holds for every
        # k), or the paragraph's end when a quote opens inside (a title) or nothing closes it.
        self.paren_cost: dict[int, int] = {}
        stack: list[int] = []
        quoted = 0  # the bottom `quoted` open parentheses have a quote inside
        for at, ch in zip(marks, self.chars, strict=True):
            if ch == "(":
                stack.append(at)
            elif ch == ")" and stack:
                opened = stack.pop()
                self.paren_cost[opened] = (end if quoted > len(stack) else at) - opened
                quoted = min(quoted, len(stack))
            elif ch in "\"'":
                quoted = len(stack)
        for opened in stack:
            self.paren_cost[opened] = end - opened

    def cost(self, kept: int, limit: int) -> int:
        """Characters python-markdown scans for the first `kept` `[` (the later ones shown as
        text), or `limit + 1` as soon as it is sure to be more than `limit`."""
        opens, source, end = self.opens, self.source, self.end
        total, stack, open_sum, pushed = 0, [], 0, 0
        for at in self.closes:
            while pushed < kept and opens[pushed] < at:
                stack.append(opens[pushed])
                open_sum += opens[pushed]
                pushed += 1
            if not stack:
                if pushed == kept:
                    break  # every kept "[" is closed: later "]" close nothing
                continue
            opened = stack.pop()
            open_sum -= opened
            total += at - opened
            if at + 1 < end and source[at + 1] == "(":
                total += self.paren_cost.get(at + 1, end - at)
            # Each "[" still open is scanned at least up to here.
            if total + len(stack) * at - open_sum > limit:
                return limit + 1
        for opened in opens[pushed:kept]:
            stack.append(opened)
            open_sum += opened
        return total + len(stack) * end - open_sum


def _within_count(source: str, opens: list[int]) -> int:
    """How many of the first `opens` make at most MAX_LINKS links: the `[` right after a `]`
    (`[text][ref]`) belongs to the same link."""
    counted, paired = 0, True
    for index, at in enumerate(opens):
        paired = not paired and source[at - 1 : at] == "]"
        if not paired:
            counted += 1
            if counted > MAX_LINKS:
                return index
    return len(opens)


def _blocks(breaks: list[int], length: int) -> Iterator[tuple[int, int]]:
    bounds = sorted(set(breaks))
    for index, start in enumerate(bounds):
        yield start, bounds[index + 1] if index + 1 < len(bounds) else length


def limited(source: str) -> tuple[str, list[str]]:
    """`source` with each `[` past MAX_LINKS or SCAN_BUDGET made BRACKET; the warnings."""
    source = source.replace(BRACKET, "\ufffd")
    if "[" not in source:
        return source, []
    code, breaks = code_regions(source)
    newlines = [m.start() for m in re.finditer("\n", source)]
    marks = _marks(source, code)
    budget = SCAN_BUDGET
    escaped: list[int] = []
    warnings: list[str] = []
    for start, end in _blocks([0, *breaks], len(source)):
        paragraph = _Paragraph(
            source, marks[bisect.bisect_left(marks, start) : bisect.bisect_left(marks, end)], end
        )
        opens = paragraph.opens
        if not opens:
            continue
        wanted = _within_count(source, opens)
        cost = paragraph.cost(wanted, budget)
        if cost <= budget:
            kept = wanted
        else:
            # The longest run of first `[` that fits what is left of the budget.
            low, high = 0, wanted - 1
            while low < high:
                middle = (low + high + 1) // 2
                if paragraph.cost(middle, budget) <= budget:
                    low = middle
                else:
                    high = middle - 1
            kept, cost = low, paragraph.cost(low, budget)
        budget -= cost
        if kept == len(opens):
            continue
        escaped += opens[kept:]
        line = bisect.bisect_left(newlines, opens[kept]) + 1
        if kept == wanted:
            warnings.append(
                f"line {line}: more than {MAX_LINKS} links or brackets in one paragraph; "
                "the rest are shown as text"
            )
        else:
            warnings.append(
                f"line {line}: brackets left open over too much text (a [ with no ], or a ( "
                "with no ) after a link); the rest are shown as text"
            )
    if not escaped:
        return source, warnings
    chars = list(source)
    for at in escaped:
        chars[at] = BRACKET
    return "".join(chars), warnings
