"""Links and brackets: at most MAX_LINKS per paragraph, SCAN_BUDGET of scanning; the rest text."""

from pathlib import Path
from unittest import mock

import pytest

import markup.rendering
from markup import render_markdown_checked
from markup.brackets import BRACKET, MAX_LINKS, SCAN_BUDGET, limited

COUNT_WARNING = "more than 100 links or brackets in one paragraph; the rest are shown as text"
OPEN_WARNING = (
    "brackets left open over too much text (a [ with no ], or a ( with no ) after a link); "
    "the rest are shown as text"
)
LINK = '<a href="https://e.example" rel="nofollow noopener">a</a>'


def test_a_paragraph_keeps_its_first_hundred_links_and_shows_the_rest_as_text():
    rendered = render_markdown_checked("[a](https://e.example) " * (MAX_LINKS + 1))
    assert rendered.html == (
        "<p>" + f"{LINK} " * MAX_LINKS
        + "[a](https://e.example) </p>"
    )  # fmt: skip
    assert rendered.warnings == (f"line 1: {COUNT_WARNING}",)


def test_the_bound_is_per_paragraph_and_the_warning_names_the_first_line_shown_as_text():
    text = "[a]\n" * MAX_LINKS + "\n" + "[b] " * 60 + "\n" + "[c] " * 41 + "\n[d] [e]"
    source, warnings = limited(text)
    assert warnings == [f"line 103: {COUNT_WARNING}"]
    assert source == (
        "[a]\n" * MAX_LINKS + "\n" + "[b] " * 60 + "\n" + "[c] " * 40 + f"{BRACKET}c] \n"
        f"{BRACKET}d] {BRACKET}e]"
    )
    assert render_markdown_checked(text).html.endswith("[c] [c] \n[d] [e]</p>")


def test_within_the_bounds_the_text_is_unchanged():
    text = "[a](x) " * MAX_LINKS + "\n\n" + "[b][r] " * MAX_LINKS + "\n\n[r]: https://r.example"
    assert limited(text) == (text, [])


def test_code_spans_fenced_and_indented_code_are_not_counted():
    text = (
        "`[`" * 300 + " [a](x)\n\n```\n" + "[" * 300 + "\n```\n\n" + "    " + "[" * 300
        + "\n\n" + "``[`[``" * 300
    )  # fmt: skip
    assert limited(text) == (text, [])
    html = render_markdown_checked(text).html
    assert html.count("[") == 1200 + 300  # the `[` in code are read exactly as written
    assert '<a href="x" rel="nofollow noopener">a</a>' in html


def test_escaped_brackets_are_not_counted_but_an_escaped_backslash_does_not_escape():
    assert limited("\\[" * 500) == ("\\[" * 500, [])
    source, warnings = limited("\\\\[" * (MAX_LINKS + 1))
    assert source == "\\\\[" * MAX_LINKS + "\\\\" + BRACKET
    assert warnings == [f"line 1: {COUNT_WARNING}"]


def test_an_unclosed_bracket_counts_the_rest_of_its_paragraph():
    # Each "[" with no "]" costs the characters to the end of its paragraph, so a paragraph
    # longer than the budget keeps none of them; the next paragraph is fresh text.
    text = "[" * 3 + "x" * SCAN_BUDGET + "\n\n[a](x)"
    source, warnings = limited(text)
    assert source == BRACKET * 3 + "x" * SCAN_BUDGET + "\n\n[a](x)"
    assert warnings == [f"line 1: {OPEN_WARNING}"]


def test_an_unclosed_parenthesis_after_a_link_counts_the_rest_of_its_paragraph():
    text = "[a](" * 3 + "(" * (SCAN_BUDGET // 2)
    source, warnings = limited(text)
    assert source == "[a](" + f"{BRACKET}a](" * 2 + "(" * (SCAN_BUDGET // 2)
    assert warnings == [f"line 1: {OPEN_WARNING}"]


def test_a_quote_inside_the_parentheses_counts_to_the_end_of_the_paragraph():
    # python-markdown reads a quote as the start of a title and may scan past the ")".
    closed = "[a](x) " * 3 + "y" * (SCAN_BUDGET // 2)
    assert limited(closed) == (closed, [])
    quoted = '[a](x") ' * 3 + "y" * (SCAN_BUDGET // 2)
    source, _ = limited(quoted)
    assert source == '[a](x") ' + f'{BRACKET}a](x") ' * 2 + "y" * (SCAN_BUDGET // 2)


def test_the_budget_is_shared_by_the_whole_text():
    paragraph = "[" + "x" * (SCAN_BUDGET // 4)
    source, warnings = limited("\n\n".join([paragraph] * 5))
    assert source.count(BRACKET) == 2
    assert warnings == [f"line 7: {OPEN_WARNING}", f"line 9: {OPEN_WARNING}"]


def test_images_count_like_links():
    source, warnings = limited("![a](x) " * (MAX_LINKS + 2))
    assert source.count(BRACKET) == 2
    assert source.endswith(f"!{BRACKET}a](x) !{BRACKET}a](x) ")
    assert warnings == [f"line 1: {COUNT_WARNING}"]


def test_the_placeholder_cannot_be_smuggled_in():
    rendered = render_markdown_checked(f"{BRACKET}a](https://e.example)")
    assert rendered.html == "<p>\ufffda](https://e.example)</p>"


CATALOGUE = Path(markup.rendering.__file__).resolve().parent.parent / "challenges"
DOCUMENTS = sorted(
    path for name in ("statement.md", "editorial.md") for path in CATALOGUE.rglob(name)
)


def test_the_catalogue_has_documents_to_compare():
    assert len(DOCUMENTS) >= 100


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda path: str(path.relative_to(CATALOGUE)))
def test_packaged_documents_render_byte_identically_with_the_bound(path):
    text = path.read_text()
    bounded = render_markdown_checked(text)
    with mock.patch.object(markup.rendering, "limited", lambda source: (source, [])):
        unbounded = render_markdown_checked(text)
    assert bounded == unbounded
    assert not any("bracket" in warning for warning in bounded.warnings)
