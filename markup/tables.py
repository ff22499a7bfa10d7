"""python-markdown's tables, with the test for a table reading a block's first two lines only.

python-markdown's block parser offers a block to each processor in turn, and a heading (`# a`,
`a` over `===`) takes one line and hands the rest of the block back, to be offered again. The
tables extension's test split and stripped the whole block each time, so a block of n heading
lines cost n times its length ("# a\n" * n: 21.8 s at 50,000 characters). Whether a block is a
table depends on its header and separator lines, except for a one-column table with borders,
whose every line needs a pipe: so the extension's own test is given the first two lines, and if
they pass, the lines up to the first one with no pipe at either end (where its loop stops).
"""

from __future__ import annotations

from xml.etree import ElementTree as etree

from markdown import Markdown
from markdown.extensions.tables import TableExtension, TableProcessor


class LinearTableProcessor(TableProcessor):
    """TableProcessor whose test reads past the second line only when those two make a table."""

    def test(self, parent: etree.Element, block: str) -> bool:
        first = block.find("\n")
        second = block.find("\n", first + 1) if first != -1 else -1
        if second == -1:
            return super().test(parent, block)
        if not super().test(parent, block[:second]):
            return False
        # The extension's test on the lines up to the first one with no pipe at either end:
        # the same answer (a one-column table stops at that line; others read two lines).
        end = first
        while end != -1:
            start = end + 1
            end = block.find("\n", start)
            row = block[start : len(block) if end == -1 else end].strip(" ")
            if not row.startswith("|") and not self.RE_END_BORDER.search(row):
                break
        return super().test(parent, block if end == -1 else block[:end])


class LinearTableExtension(TableExtension):
    """The tables extension with LinearTableProcessor in place of TableProcessor."""

    def extendMarkdown(self, md: Markdown) -> None:
        super().extendMarkdown(md)
        md.parser.blockprocessors.register(
            LinearTableProcessor(md.parser, self.getConfigs()), "table", 75
        )
