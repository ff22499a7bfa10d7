"""Hostile link and bracket shapes at the size cap: python-markdown's link scans stay within the
budget (counted in characters read, not timed), every `[` still shows, the author is warned."""

import pytest
from markdown.extensions.tables import TableProcessor
from markdown.inlinepatterns import LinkInlineProcessor

import markup.rendering
from markup import render_markdown_checked
from markup.brackets import MAX_LINKS, SCAN_BUDGET, limited
from markup.rendering import MAX_MARKDOWN_CHARS

N = MAX_MARKDOWN_CHARS
SHAPES = {
    "unclosed inline links": "[a](" * (N // 4),
    "opening brackets": "[" * N,
    "unclosed reference links": "[a][" * (N // 4),
    "unclosed images": "![a](" * (N // 5),
    "nested brackets": "[" * (N // 2) + "]" * (N // 2),
    "one link target of parentheses": "[a](" + "(" * (N - 4),
    "undefined short references": "[a]" * (N // 3),
    "image openers": "![" * (N // 2),
    "unclosed titles": '[a]("' * (N // 5),
    "quotes in link targets": '[a](b"' * (N // 6),
    "a hundred brackets over the whole text": "[" * 100 + "x" * (N - 200) + "]" * 100,
    "brackets on every line": "[\n" * (N // 2),
    "many paragraphs of brackets": ("[" * 998 + "\n\n") * (N // 1000),
    "list items of brackets": "- [a](\n" * (N // 7),
    "quotes of brackets": "> [a][\n" * (N // 7),
}


@pytest.fixture
def scanned(monkeypatch) -> list[int]:
    """Characters python-markdown's link, image and reference processors read, in total."""
    total = [0]
    get_text, get_link = LinkInlineProcessor.getText, LinkInlineProcessor.getLink

    def counting_text(self, data, index):
        text, end, handled = get_text(self, data, index)
        total[0] += end - index
        return text, end, handled

    def counting_link(self, data, index):
        href, title, end, handled = get_link(self, data, index)
        total[0] += end - index  # the characters its loop read (none when no "(" follows)
        return href, title, end, handled

    monkeypatch.setattr(LinkInlineProcessor, "getText", counting_text)
    monkeypatch.setattr(LinkInlineProcessor, "getLink", counting_link)
    return total


@pytest.mark.parametrize("text", SHAPES.values(), ids=SHAPES.keys())
def test_link_scans_stay_within_the_budget_and_nothing_is_lost(text, scanned):
    assert len(text) <= MAX_MARKDOWN_CHARS
    rendered = render_markdown_checked(text)
    # Each kept "[" is tried by three processors (reference, link, short reference).
    assert scanned[0] <= 3 * SCAN_BUDGET
    # Every "[" still shows, but for those opening a link python-markdown made (its quotes rule
    # can take the rest of the paragraph as the address; the address is still there).
    assert text.count("[") - rendered.html.count("[") == rendered.html.count("<a ")
    if "(((" not in text[:10]:  # one "[" before parentheses: within both bounds
        assert any("bracket" in warning for warning in rendered.warnings)
    assert len(rendered.warnings) <= markup.rendering.MAX_WARNINGS


def test_without_the_bound_the_same_shapes_read_quadratically(scanned, monkeypatch):
    # The measure is the right one: a small hostile text read without the pass costs far more.
    monkeypatch.setattr(markup.rendering, "limited", lambda source: (source, []))
    render_markdown_checked("[" * 3000)
    assert scanned[0] > 3000 * 3000


def test_a_paragraph_reaching_python_markdown_has_at_most_max_links_links():
    text = "[a][r] " * (10 * MAX_LINKS) + "\n\n[r]: https://r.example"
    source, warnings = limited(text)
    assert source.count("[") == 2 * MAX_LINKS + 1
    assert warnings == [
        f"line 1: more than {MAX_LINKS} links or brackets in one paragraph; "
        "the rest are shown as text"
    ]
    html = render_markdown_checked(text).html
    assert html.count("<a ") == MAX_LINKS
    assert html.count("[a][r]") == 9 * MAX_LINKS


LABEL_RUNS = {
    "domain labels": "a-." * (N // 3),
    "hyphenated labels": "a-b." * (N // 4),
    "labels before a protocol": "a-" * (N // 2 - 3) + "http:",
}


@pytest.mark.parametrize("text", LABEL_RUNS.values(), ids=LABEL_RUNS.keys())
def test_the_linkifier_reads_a_run_of_domain_labels_once(text, monkeypatch):
    finder = markup.rendering._cleaner.filters[0].keywords["url_re"]
    attempts = []
    pattern = finder.pattern

    class Counting:
        def match(self, string, pos):
            attempts.append(pos)
            return pattern.match(string, pos)

    monkeypatch.setattr(finder, "pattern", Counting())
    html = render_markdown_checked(text).html
    assert len(attempts) <= 8  # bleach's own search started again after every "-"
    assert html == f"<p>{text}</p>"


HEADING_BLOCKS = {
    "headings without blank lines": "# a\n" * (N // 4),
    "headings after a table": "a|b\n-|-\n" + "# a\n" * (N // 4 - 2),
    "one-column table rows among headings": "|a\n|-\n# h\n" * (N // 10),
}


@pytest.mark.parametrize("text", HEADING_BLOCKS.values(), ids=HEADING_BLOCKS.keys())
def test_the_table_test_reads_each_line_a_bounded_number_of_times(text, monkeypatch):
    read = [0]
    test = TableProcessor.test

    def counting(self, parent, block):
        read[0] += len(block)
        return test(self, parent, block)

    monkeypatch.setattr(TableProcessor, "test", counting)
    html = render_markdown_checked(text).html
    assert read[0] <= 4 * len(text)  # python-markdown's own test read the rest of the block
    assert html.count("<h1>") + html.count("<td># a</td>") == text.count("# ")
