"""A depth bound for Markdown containers: python-markdown recurses once per nested list or quote."""

from __future__ import annotations

import re

from markdown.extensions.fenced_code import FencedBlockPreprocessor

MAX_NESTING = 16
_FENCE = FencedBlockPreprocessor.FENCED_BLOCK_RE
# One container marker at the start of a line: a quote ">" or a list item ("-", "*", "+", "1.").
_MARKER = re.compile(r"[ ]*(?:>|[-*+](?=[ ])|\d{1,9}[.)](?=[ ]))[ ]?")
_RULE = re.compile(r"[ ]{0,3}([-*_])(?:[ ]*\1){2,}[ ]*")


def _bounded_line(line: str) -> str | None:
    """`line` with the marker past MAX_NESTING escaped (shown as text), or None if within."""
    pos, depth = 0, 0
    # Each 4 columns of indentation before a list item nest one level deeper as well.
    while (marker := _MARKER.match(line, pos)) and marker.end() > pos:
        indent = len(marker.group()) - len(marker.group().lstrip(" "))
        depth += 1 + indent // 4
        if depth > MAX_NESTING:
            if _RULE.fullmatch(line):
                return None
            at = pos + indent
            if line[at].isdigit():  # "1." is escaped as "1\." ("\1" would print its backslash)
                at += len(line[at:]) - len(line[at:].lstrip("0123456789"))
            return line[:at] + "\\" + line[at:]
        pos = marker.end()
    return None


def bounded(source: str) -> tuple[str, list[str]]:
    """`source` with lists and quotes nested deeper than MAX_NESTING flattened into text."""
    fences = [(m.start(), m.end()) for m in _FENCE.finditer(source)]
    lines = source.split("\n")
    warnings, offset, fence = [], 0, 0
    for number, line in enumerate(lines, start=1):
        while fence < len(fences) and fences[fence][1] <= offset:
            fence += 1
        inside = fence < len(fences) and fences[fence][0] <= offset < fences[fence][1]
        offset += len(line) + 1
        if inside or len(line) < 2 * MAX_NESTING:
            continue
        changed = _bounded_line(line)
        if changed is not None:
            lines[number - 1] = changed
            warnings.append(
                f"line {number}: lists or quotes nested more than {MAX_NESTING} deep; "
                "the rest of the line is shown as text"
            )
    return "\n".join(lines), warnings
