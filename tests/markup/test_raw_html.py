"""Raw HTML in Markdown: what is not a closed, allowlisted tag is shown as text, with a warning,
and the Markdown after it still renders (issue 13, item 4)."""

import pytest

from markup import render_markdown, render_markdown_checked
from markup.raw_html import MAX_TAG_DEPTH

LINK = '<a href="https://example.com/docs" rel="nofollow noopener">the docs</a>'


def test_an_unclosed_block_tag_no_longer_swallows_the_rest():
    rendered = render_markdown_checked(
        "Intro\n\n<details>\n\nUse `SELECT *` and [the docs][d].\n\n- one\n- two\n\n"
        "[d]: https://example.com/docs\n"
    )
    assert rendered.html == (
        "<p>Intro</p>\n<p>&lt;details&gt;</p>\n"
        f"<p>Use <code>SELECT *</code> and {LINK}.</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>"
    )
    assert rendered.warnings == ("line 3: <details> is not allowed; shown as text",)


def test_an_unclosed_allowed_block_tag_is_text_too():
    rendered = render_markdown_checked("<div>\n\n`code` and **bold**\n")
    assert rendered.html == (
        "<p>&lt;div&gt;</p>\n<p><code>code</code> and <strong>bold</strong></p>"
    )
    assert rendered.warnings == ("line 1: <div> is not closed; shown as text",)


def test_an_inline_tag_must_close_in_its_paragraph():
    rendered = render_markdown_checked(
        "Press <kbd>Ctrl\n\nThen `run()` and [r].\n\n[r]: https://example.com\n"
    )
    assert rendered.html == (
        "<p>Press &lt;kbd&gt;Ctrl</p>\n<p>Then <code>run()</code> and "
        '<a href="https://example.com" rel="nofollow noopener">r</a>.</p>'
    )
    assert rendered.warnings == ("line 1: <kbd> is not closed; shown as text",)


def test_an_unknown_tag_reads_as_written():
    rendered = render_markdown_checked("Return a List<int> of `ids`.\nOr <int,str>.\n")
    assert rendered.html == (
        "<p>Return a List&lt;int&gt; of <code>ids</code>.\nOr &lt;int,str&gt;.</p>"
    )
    assert rendered.warnings == (
        "line 1: <int> is not allowed; shown as text",
        "line 2: <int,str> is not allowed; shown as text",
    )


def test_a_disallowed_tag_with_attributes_is_text_and_the_table_after_renders():
    rendered = render_markdown_checked(
        '<iframe src="https://evil.example" width="1">\n\n| a | b |\n|---|---|\n| `x` | 2 |\n'
    )
    assert rendered.html == (
        '<p>&lt;iframe src="https://evil.example" width="1"&gt;</p>\n<table>\n<thead>\n<tr>\n'
        "<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td><code>x</code></td>\n"
        "<td>2</td>\n</tr>\n</tbody>\n</table>"
    )
    assert rendered.warnings == ("line 1: <iframe> is not allowed; shown as text",)


def test_an_unclosed_tag_nested_in_a_closed_one():
    rendered = render_markdown_checked('<div class="note"><span>open\n</div>\n\nAfter `code`.\n')
    assert rendered.html == (
        '<div class="note">&lt;span&gt;open\n</div>\n\n<p>After <code>code</code>.</p>'
    )
    assert rendered.warnings == ("line 1: <span> is not closed; shown as text",)


def test_balanced_allowed_html_keeps_working():
    html = render_markdown(
        '<div class="note">\n<b>Note</b> keep <kbd>Esc</kbd>\n</div>\n\nAfter `code`.\n'
    )
    assert html == (
        '<div class="note">\n<b>Note</b> keep <kbd>Esc</kbd>\n</div>\n\n'
        "<p>After <code>code</code>.</p>"
    )
    rendered = render_markdown_checked(
        "Press <kbd>Ctrl</kbd>+<kbd>C</kbd>; H<sub>2</sub>O; x<sup>2</sup>.<br>Next\n\n<hr/>\n"
    )
    assert rendered.html == (
        "<p>Press <kbd>Ctrl</kbd>+<kbd>C</kbd>; H<sub>2</sub>O; x<sup>2</sup>.<br>Next</p>\n<hr>"
    )
    assert rendered.warnings == ()


def test_a_dropped_attribute_is_a_warning():
    rendered = render_markdown_checked('<span class="x" onclick="go()" ONCLICK=1>a</span>\n')
    assert rendered.html == '<p><span class="x">a</span></p>'
    assert rendered.warnings == ("line 1: attribute onclick of <span> is not allowed; removed",)


def test_a_closed_comment_is_removed_and_an_unclosed_one_is_text():
    assert render_markdown_checked("<!-- for reviewers -->\nText `a`.\n") == (
        render_markdown_checked("<!-- for reviewers -->\nText `a`.\n")
    )
    closed = render_markdown_checked("<!-- for reviewers -->\nText `a`.\n")
    assert (closed.html, closed.warnings) == ("\n<p>Text <code>a</code>.</p>", ())
    unclosed = render_markdown_checked("Text.\n\n<!-- draft\n\n`a` and **b**\n")
    assert unclosed.html == (
        "<p>Text.</p>\n<p>&lt;!-- draft</p>\n<p><code>a</code> and <strong>b</strong></p>"
    )
    assert unclosed.warnings == ("line 3: <!-- is not closed; shown as text",)


def test_a_less_than_sign_in_text_is_no_tag_and_no_warning():
    rendered = render_markdown_checked("If a < b and b<3 then `a<b`.\n")
    assert rendered.html == "<p>If a &lt; b and b&lt;3 then <code>a&lt;b</code>.</p>"
    assert rendered.warnings == ()


def test_tags_inside_code_are_untouched_and_never_judged():
    rendered = render_markdown_checked(
        "Use `<details>` and ``<b>`` here.\n\n```html\n<details><summary>x</summary>\n```\n\n"
        "    <iframe>\n"
    )
    assert rendered.html == (
        "<p>Use <code>&lt;details&gt;</code> and <code>&lt;b&gt;</code> here.</p>\n"
        '<pre><code class="language-html">&lt;details&gt;&lt;summary&gt;x&lt;/summary&gt;\n'
        "</code></pre>\n<pre><code>&lt;iframe&gt;\n</code></pre>"
    )
    assert rendered.warnings == ()


def test_a_closing_tag_without_opening_and_a_self_closed_one():
    rendered = render_markdown_checked("Text</kbd> and `x`.\n\nA <b/> B\n")
    assert rendered.html == "<p>Text&lt;/kbd&gt; and <code>x</code>.</p>\n<p>A &lt;b/&gt; B</p>"
    assert rendered.warnings == (
        "line 1: </kbd> closes nothing; shown as text",
        "line 3: <b/> cannot close itself; write <b></b>; shown as text",
    )


def test_tag_names_are_matched_in_any_case():
    rendered = render_markdown_checked("<DeTaIlS>\n\n<KBD>x</kbd> `y`\n")
    assert rendered.html == "<p>&lt;DeTaIlS&gt;</p>\n<p><kbd>x</kbd> <code>y</code></p>"
    assert rendered.warnings == ("line 1: <DeTaIlS> is not allowed; shown as text",)


def test_autolinks_are_no_tags():
    rendered = render_markdown_checked("See <https://example.com>.\n")
    assert rendered.html == (
        '<p>See <a href="https://example.com" rel="nofollow noopener">https://example.com</a>.</p>'
    )
    assert rendered.warnings == ()


def test_line_numbers_count_crlf_lines():
    rendered = render_markdown_checked("a\r\nb\r\n\r\n<details>\r\n")
    assert rendered.warnings == ("line 4: <details> is not allowed; shown as text",)


def test_tags_nested_too_deep_are_text():
    depth = MAX_TAG_DEPTH + 2
    rendered = render_markdown_checked("<div>" * depth + "x" + "</div>" * depth)
    assert rendered.html == (
        "<div>" * MAX_TAG_DEPTH + "&lt;div&gt;&lt;div&gt;x" + "</div>" * MAX_TAG_DEPTH
        + "\n<p>&lt;/div&gt;&lt;/div&gt;</p>"
    )  # fmt: skip
    assert rendered.warnings == (
        "line 1: <div> is nested more than 16 tags deep; shown as text",
        "line 1: <div> is nested more than 16 tags deep; shown as text",
        "line 1: </div> closes nothing; shown as text",
        "line 1: </div> closes nothing; shown as text",
    )


def test_warnings_are_capped():
    rendered = render_markdown_checked("<x>\n" * 80)
    assert len(rendered.warnings) == 50
    assert rendered.warnings[-1] == "... and 31 more warnings"


@pytest.mark.parametrize("text", ["", "plain", "# T\n\n- a\n- b\n"])
def test_plain_markdown_has_no_warnings(text):
    assert render_markdown_checked(text).warnings == ()
