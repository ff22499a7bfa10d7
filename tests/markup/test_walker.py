"""bleach walks the parsed tree with LinearWalker: the same tokens as html5lib's walker, in
linear work for an element with many children."""

from pathlib import Path

import pytest
from bleach import html5lib_shim

import markup.rendering
from markup import render_markdown
from markup.walker import LinearWalker

CATALOGUE = Path(markup.rendering.__file__).resolve().parent.parent / "challenges"
TEXTS = [
    "a|b\n-|-\n" + "x|[y](https://e.com) *z* <kbd>k</kbd>\n" * 50,
    "- a\n  - b\n    - c `d`\n\n  > e\n" * 20,
    "<div>\n\n**a** <span class='x'>b</span>\n\n</div>\n\n" * 10,
    *(path.read_text() for path in sorted(CATALOGUE.rglob("statement.md"))[:40]),
]


@pytest.mark.parametrize("text", TEXTS)
def test_the_rendering_is_the_same_as_with_html5libs_walker(text, monkeypatch):
    ours = render_markdown(text)
    monkeypatch.setattr(markup.rendering._cleaner, "walker", html5lib_shim.getTreeWalker("etree"))
    assert render_markdown(text) == ours


def test_each_parent_is_indexed_once(monkeypatch):
    indexed = []
    real_init = LinearWalker.__init__

    def recording_init(self, tree):
        real_init(self, tree)
        indexed.append(self._positions)

    monkeypatch.setattr(LinearWalker, "__init__", recording_init)
    render_markdown("a|b\n-|-\n" + "x|y\n" * 2000)
    (positions,) = indexed
    # The tbody's 2000 rows are listed once (html5lib's walker listed them twice per row),
    # then each row's cells once.
    assert max(len(children) for children in positions.values()) == 2000
    assert sum(len(children) for children in positions.values()) <= 2000 + 2 * 2000 + 10
