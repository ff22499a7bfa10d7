"""Raw HTML in Markdown: keep balanced, allowlisted tags; mark every other `<` to be shown as text.

python-markdown hands raw HTML to the browser untouched: a block-level start tag at the start of
a line opens a raw region that runs to its closing tag, or to the END of the text when there is
none, so one unclosed `<details>` used to turn the rest of a statement into raw HTML (code spans
and reference links printed raw, then bleach stripped what it did not allow). This pass runs
before python-markdown, on the same text, and decides tag by tag:

- a tag outside the allowlist (`<details>`, `<iframe>`, `List<int>`, `<!DOCTYPE>`, `<?php ?>`),
- an allowlisted tag that is not closed (before a blank line for inline tags such as `<kbd>`,
  anywhere later for block tags such as `<div>`), a closing tag with no opening one, a
  non-void tag written as `<b/>`, and a tag nested deeper than MAX_TAG_DEPTH,
- an HTML comment `<!--` with no `-->`

is shown as text, and so is any other `<` that is not the start of a kept tag, an autolink or a
closed comment: its `<` is replaced by SENTINEL, which python-markdown and bleach pass through as
a plain character and the renderer turns into `&lt;` at the very end, so it reads the same in
text and in code. Tags in fenced code, indented code and code spans are never judged (no
warning) and read exactly as written.
Each decision comes with a warning naming the line.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from markdown.extensions.fenced_code import FencedBlockPreprocessor

SENTINEL = "\ue000"  # a private-use character: authored text never keeps one (see `guarded`)
MAX_TAG_DEPTH = 16
VOID_TAGS = frozenset({"br", "hr"})
# python-markdown's own list (Markdown().block_level_elements): these open raw regions.
BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "canvas", "center", "colgroup",
        "dd", "details", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
        "group", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "iframe",
        "legend", "li", "main", "map", "math", "menu", "nav", "noscript", "object", "ol",
        "option", "output", "p", "pre", "progress", "script", "section", "style", "summary",
        "table", "tbody", "td", "textarea", "tfoot", "th", "thead", "tr", "ul", "video",
    }
)  # fmt: skip

_FENCE = FencedBlockPreprocessor.FENCED_BLOCK_RE
# Anything python-markdown could read as markup: a tag (its attributes may continue on the next
# lines, never past a blank line), a comment, a declaration, a processing instruction.
_NOT_BLANK_LINE = r"(?:[^<>\n]|\n(?![ \t]*\n))"
_MARKUP = re.compile(
    rf"<(?:(?P<end>/)?(?P<name>[A-Za-z][^\s<>/]*)(?P<rest>{_NOT_BLANK_LINE}*)>"
    rf"|(?P<comment>!--)|(?P<other>[!?]{_NOT_BLANK_LINE}*>))"
)
_MAYBE_MARKUP = re.compile("<")
_AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]*://[^<>\s]*|[^<> !]+@[^@<> ]+)>")
_ATTRIBUTE = re.compile(r"""([^\s"'<>/=]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")
_BACKTICKS = re.compile(r"(?<!\\)`+")
_BLANK_LINE = re.compile(r"\n[ \t]*(?=\n)")
_LIST_ITEM = re.compile(r"[ ]{0,3}(?:[-*+]|\d{1,9}[.)])[ \t]")
_SHOWN = 40


@dataclass
class _Open:
    name: str
    shown: str
    at: int
    block: bool


def _shown(name: str) -> str:
    return name if len(name) <= _SHOWN else name[:_SHOWN] + "…"


class _Guard:
    def __init__(self, source: str, allowed_tags: frozenset, allowed_attributes: dict) -> None:
        self.source = source
        self.allowed_tags = allowed_tags
        self.allowed_attributes = allowed_attributes
        self.newlines = [i for i, ch in enumerate(source) if ch == "\n"]
        self.kept: set[int] = set()
        self.notes: list[tuple[int, str]] = []
        self.stack: list[_Open] = []

    def line(self, at: int) -> int:
        return bisect.bisect_left(self.newlines, at) + 1

    def text(self, at: int, message: str) -> None:
        self.notes.append((at, f"line {self.line(at)}: {message}; shown as text"))

    def note(self, at: int, message: str) -> None:
        self.notes.append((at, f"line {self.line(at)}: {message}"))

    def close_inline(self) -> None:
        """A blank line ends a paragraph: inline tags still open there were never closed."""
        while self.stack and not self.stack[-1].block:
            self.unclosed(self.stack.pop())

    def unclosed(self, item: _Open) -> None:
        self.text(item.at, f"<{item.shown}> is not closed")

    def start(self, match: re.Match, name: str, shown: str) -> None:
        at, rest = match.start(), match.group("rest")
        if name not in self.allowed_tags:
            self.text(at, f"<{shown}> is not allowed")
            return
        allowed = self.allowed_attributes.get(name, ())
        for attribute in dict.fromkeys(a.lower() for a in _ATTRIBUTE.findall(rest)):
            if attribute not in allowed:
                self.note(at, f"attribute {_shown(attribute)} of <{shown}> is not allowed; removed")
        if name in VOID_TAGS:
            self.kept.add(at)
            return
        if rest.rstrip().endswith("/"):
            self.text(at, f"<{shown}/> cannot close itself; write <{shown}></{shown}>")
            return
        if len(self.stack) >= MAX_TAG_DEPTH:
            self.text(at, f"<{shown}> is nested more than {MAX_TAG_DEPTH} tags deep")
            return
        self.stack.append(_Open(name, shown, at, name in BLOCK_TAGS))

    def end(self, match: re.Match, name: str, shown: str) -> None:
        at = match.start()
        if name not in self.allowed_tags:
            self.text(at, f"</{shown}> is not allowed")
            return
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth].name == name:
                self.kept.update((self.stack[depth].at, at))
                for item in self.stack[depth + 1 :]:
                    self.unclosed(item)
                del self.stack[depth:]
                return
        self.text(at, f"</{shown}> closes nothing")


def _code_spans(source: str, start: int, end: int) -> list[tuple[int, int]]:
    """Code spans of one paragraph: a run of backticks up to the next run of the same length
    (an unmatched run is text, as python-markdown shows it)."""
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(source, start, end)]
    by_width: dict[int, list[int]] = {}
    for index, (a, b) in enumerate(runs):
        by_width.setdefault(b - a, []).append(index)
    spans, index = [], 0
    while index < len(runs):
        a, b = runs[index]
        same = by_width[b - a]
        later = bisect.bisect_right(same, index)
        if later < len(same):
            closing = same[later]
            spans.append((a, runs[closing][1]))
            index = closing + 1
        else:
            index += 1
    return spans


def _paragraphs(source: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each run of non-blank lines between `start` and `end`."""
    found, pos = [], start
    for blank in _BLANK_LINE.finditer(source, start, end):
        found.append((pos, blank.start()))
        pos = blank.end()
    found.append((pos, end))
    # A paragraph starts at its first line (not at the newline ending the blank one before it).
    found = [(a + len(source[a:b]) - len(source[a:b].lstrip("\n")), b) for a, b in found]
    return [(a, b) for a, b in found if source[a:b].strip()]


def code_regions(source: str) -> tuple[list[tuple[int, int]], list[int]]:
    """Where tags are code (fences, indented code, code spans), and where paragraphs end."""
    regions: list[tuple[int, int]] = []
    breaks: list[int] = []
    outside, pos = [], 0
    for fence in _FENCE.finditer(source):
        outside.append((pos, fence.start()))
        regions.append((fence.start(), fence.end()))
        breaks.append(fence.start())
        pos = fence.end()
    outside.append((pos, len(source)))
    for start, end in outside:
        in_list = False
        for first, last in _paragraphs(source, start, end):
            breaks.append(first)
            newline = source.find("\n", first, last)
            line = source[first : newline if newline >= 0 else last]
            indent = len(line) - len(line.lstrip(" "))
            if indent >= 4 and not in_list:
                regions.append((first, last))
                continue
            if indent < 4:
                in_list = bool(_LIST_ITEM.match(line))
            regions += _code_spans(source, first, last)
    regions.sort()
    breaks.sort()
    return regions, breaks


def guarded(
    source: str, *, allowed_tags: frozenset, allowed_attributes: dict
) -> tuple[str, list[str]]:
    """`source` with every `<` that must be shown as text replaced by SENTINEL; the warnings."""
    source = source.replace(SENTINEL, "\ufffd")
    guard = _Guard(source, allowed_tags, allowed_attributes)
    regions, breaks = code_regions(source)
    starts = [a for a, _ in regions]
    next_break = 0
    pos = 0
    last_comment_end = source.rfind("-->")
    while True:
        match = _MARKUP.search(source, pos)
        if not match:
            break
        at = match.start()
        index = bisect.bisect_right(starts, at) - 1
        if index >= 0 and regions[index][0] <= at < regions[index][1]:
            pos = regions[index][1]
            continue
        while next_break < len(breaks) and breaks[next_break] <= at:
            guard.close_inline()
            next_break += 1
        pos = match.end()
        if match.group("comment"):
            # Past the last "-->" no comment can close: no scan (many "<!--" stay linear).
            close = source.find("-->", match.end()) if at < last_comment_end else -1
            if close < 0:
                guard.text(at, "<!-- is not closed")
            else:
                guard.kept.add(at)
                pos = close + 3
        elif match.group("other"):
            guard.text(at, f"<{_shown(match.group('other')[:-1].split()[0])}> is not allowed")
        elif autolink := _AUTOLINK.match(source, at):
            guard.kept.add(at)
            pos = autolink.end()
        else:
            shown = _shown(match.group("name"))
            name = match.group("name").lower()
            if match.group("end"):
                guard.end(match, name, shown)
            else:
                guard.start(match, name, shown)
    if next_break < len(breaks):
        guard.close_inline()
    for item in guard.stack:
        guard.unclosed(item)
    warnings = [message for _, message in sorted(guard.notes)]
    # Every other "<" that python-markdown could take for markup (even inside code, where the
    # sentinel reads the same) is text: nothing is left for its HTML parser to guess about, which
    # also keeps it linear on input such as "<a <a <a ...".
    chars = list(source)
    for shown in _MAYBE_MARKUP.finditer(source):
        if shown.start() not in guard.kept:
            chars[shown.start()] = SENTINEL
    return "".join(chars), warnings
