"""Lists and quotes nest at most MAX_NESTING deep; deeper markers are text, with a warning."""

from markup import render_markdown_checked
from markup.nesting import MAX_NESTING

WARNING = "lists or quotes nested more than 16 deep; the rest of the line is shown as text"


def test_an_ordered_list_past_the_bound_shows_its_markers_as_text():
    rendered = render_markdown_checked("1. " * (MAX_NESTING + 2) + "x")
    assert rendered.html == (
        "<ol>\n<li>\n" * (MAX_NESTING - 1) + "<ol>\n<li>1. 1. x</li>\n</ol>"
        + "\n</li>\n</ol>" * (MAX_NESTING - 1)
    )  # fmt: skip
    assert rendered.warnings == (f"line 1: {WARNING}",)


def test_indented_list_levels_count_too():
    text = "".join("    " * level + "- x\n" for level in range(MAX_NESTING + 2))
    rendered = render_markdown_checked(text)
    assert rendered.warnings == (f"line 17: {WARNING}", f"line 18: {WARNING}")
    assert rendered.html.count("<ul>") == MAX_NESTING


def test_within_the_bound_nothing_changes():
    rendered = render_markdown_checked("> " * MAX_NESTING + "x")
    assert rendered.html == (
        "<blockquote>\n" * MAX_NESTING + "<p>x</p>" + "\n</blockquote>" * MAX_NESTING
    )
    assert rendered.warnings == ()


def test_fenced_code_and_rules_are_not_nesting():
    rendered = render_markdown_checked("```\n" + "> " * 30 + "\n```\n\n" + "* " * 30 + "\n")
    assert rendered.html == "<pre><code>" + "&gt; " * 30 + "\n</code></pre>\n<hr>"
    assert rendered.warnings == ()
