"""LinearTableProcessor decides as python-markdown's tables extension does, reading less."""

from pathlib import Path

import markdown
import pytest

import markup.rendering
from markup.rendering import _EXTENSIONS
from markup.tables import LinearTableExtension

ORIGINAL = ["tables" if isinstance(e, LinearTableExtension) else e for e in _EXTENSIONS]
TEXTS = [
    "a|b\n-|-\nx|y\n",
    "| a | b |\n|:-|-:|\n| x | y |\n\n# h\n",
    "|a|\n|-|\n|x|\n|y|\n",
    "|a\n|-\n|x\n|y\n",
    "|a\n|-\nx\n|y\n",
    "|a\n|-\n|x\n# h\n|b\n|-\n",
    "# h\na|b\n-|-\nx|y\n# g\n",
    "a|b\nno separator\nx|y\n",
    "a|b\n",
    "a|b\n-|-",
    "|a|\n|-|\n",
    "| single\n| column\n",
    "a\n=\n|a\n|-\n",
    "- a|b\n  -|-\n  x|y\n",
    "> a|b\n> -|-\n> x|y\n",
    "`a|b`\n-|-\n\\|x|y\n",
    "|a\n|-\n|x\nplain\n|y\n",
    "| a |\n| - |\n  |x  \nx|\nx\\|\n",
    "a|\n-|\nx\\\\|\n",
    "|a\n|-\n" + "|x\n" * 50 + "# h\n" + "|a\n|-\n" * 3,
]
CATALOGUE = Path(markup.rendering.__file__).resolve().parent.parent / "challenges"
DOCUMENTS = sorted(
    path for name in ("statement.md", "editorial.md") for path in CATALOGUE.rglob(name)
)


@pytest.mark.parametrize("text", TEXTS)
def test_the_same_html_as_the_tables_extension(text):
    ours = markdown.markdown(text, extensions=_EXTENSIONS)
    assert ours == markdown.markdown(text, extensions=ORIGINAL)


def test_packaged_documents_render_byte_identically():
    assert len(DOCUMENTS) >= 100
    for path in DOCUMENTS:
        text = path.read_text()
        ours = markdown.markdown(text, extensions=_EXTENSIONS)
        assert ours == markdown.markdown(text, extensions=ORIGINAL), path
