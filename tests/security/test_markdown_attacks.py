"""Attacks on authored Markdown through every path (renderer, preview API, package loading):
the output holds only allowlisted tags, attributes and link schemes, and renders fast."""

import time
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from rest_framework.test import APIClient

from challenges.models import Challenge
from markup import MarkdownTooLong, render_markdown, render_markdown_checked
from markup.nesting import MAX_NESTING
from markup.rendering import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, MAX_MARKDOWN_CHARS
from tests.challenges.test_loadchallenges import PYTHON, copy_of, load
from tests.factories import UserFactory

VECTORS = [
    "<img src=x onerror=alert(1)>",
    "<IMG SRC=x OnErRoR=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<svg/onload=alert(1)>",
    "<script>alert(1)",
    "<ScRiPt>alert(1)</sCrIpT>",
    "<script\n>alert(1)</script\n>",
    "[x](javascript:alert(1))",
    "[x](jav&#x61;script:alert(1))",
    "[x](  JAVASCRIPT:alert(1))",
    "[x][r]\n\n[r]: javascript:alert(1)",
    '<a href="javascript&colon;alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href="https://ok.example" onclick="alert(1)">x</a>',
    "<kbd onmouseover=alert(1)>x</kbd>",
    '<span class="x" style="position:fixed">x</span>',
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;script&#62;alert(1)&#60;/script&#62;",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<div><script>alert(1)</script></div>",
    "<div>\n<iframe src=javascript:alert(1)>\n</div>",
    "<details open ontoggle=alert(1)><summary>x</summary></details>",
    "<!--><img src=x onerror=alert(1)>-->",
    "<!-- --!><img src=x onerror=alert(1)>",
    "<![CDATA[<img src=x onerror=alert(1)>]]>",
    "<?xml ?><img src=x onerror=alert(1)>",
    "`code`<img src=x onerror=alert(1)>`",
    "```\n```<img src=x onerror=alert(1)>",
    "\ue000script>alert(1)\ue000/script>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "<a href=https://ok.example>ok</a><a href=data:text/html,x>d</a>",
    "| a |\n|---|\n| <img src=x onerror=alert(1)> |",
    "- <svg onload=alert(1)>\n- `x`",
    "> <iframe srcdoc='<script>alert(1)</script>'>",
]


class _Inspector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED_TAGS:
            self.found.append(f"tag {tag}")
        for name, value in attrs:
            if name not in ALLOWED_ATTRIBUTES.get(tag, []):
                self.found.append(f"attribute {name} on {tag}")
            # A relative link (no scheme, e.g. "javascript&colon;x" once decoded) is a path.
            scheme = urlsplit((value or "").strip()).scheme.lower()
            if name == "href" and scheme not in ("", "http", "https", "mailto"):
                self.found.append(f"href {value}")

    def handle_comment(self, data):
        self.found.append("comment")


def unsafe_parts(html: str) -> list[str]:
    inspector = _Inspector()
    inspector.feed(html)
    inspector.close()
    return inspector.found


@pytest.mark.parametrize("vector", VECTORS)
def test_rendered_vectors_hold_only_allowlisted_markup(vector):
    html = render_markdown(vector)
    assert unsafe_parts(html) == [], html
    assert "\ue000" not in html


@pytest.mark.parametrize("vector", VECTORS)
def test_vectors_after_an_unclosed_tag_are_still_sanitised(vector):
    html = render_markdown(f"<details>\n\n{vector}\n\n<div>\n\n{vector}")
    assert unsafe_parts(html) == [], html


def test_the_sentinel_cannot_be_smuggled_in():
    assert render_markdown("\ue000b>x\ue000/b>") == "<p>\ufffdb&gt;x\ufffd/b&gt;</p>"


def test_preview_api_output_is_sanitised(db):
    client = APIClient()
    client.force_authenticate(UserFactory(username="ops", is_staff=True))
    for vector in VECTORS:
        response = client.post("/api/authoring/preview/", {"markdown": vector}, format="json")
        assert response.status_code == 200
        assert unsafe_parts(response.json()["html"]) == [], vector


def test_a_loaded_statement_is_sanitised(db, tmp_path):
    folder = copy_of(PYTHON, tmp_path)
    (folder / "statement.md").write_text("\n\n".join(VECTORS))
    (folder / "editorial.md").write_text("\n\n".join(reversed(VECTORS)))
    load(folder)
    version = Challenge.objects.get(slug=PYTHON).current_version
    assert unsafe_parts(version.statement_html) == []
    assert unsafe_parts(version.editorial_html) == []
    assert version.load_warnings[0] == ("statement.md: line 1: <img> is not allowed; shown as text")


def test_over_long_text_is_refused_before_parsing():
    with pytest.raises(MarkdownTooLong):
        render_markdown("x" * (MAX_MARKDOWN_CHARS + 1))


HOSTILE_SHAPES = {
    "unclosed tags without >": "<a " * 66_000,
    "less-than signs": "<" * 200_000,
    "unclosed comments": "<!--" * 50_000,
    "nested divs": "<div>" * 40_000,
    "nested inline tags": "<kbd>" * 40_000,
    "nested quotes": "> " * 100_000,
    "nested list markers": "- " * 100_000,
    "indented list nesting": "".join("    " * i + "- x\n" for i in range(300)),
    "backtick runs": "`" * 1000 + "x" + "`" * 999 + " `a" * 60_000,
}


@pytest.mark.parametrize("text", HOSTILE_SHAPES.values(), ids=HOSTILE_SHAPES.keys())
def test_hostile_shapes_render_fast_and_safe(text):
    assert len(text) <= MAX_MARKDOWN_CHARS
    started = time.monotonic()
    rendered = render_markdown_checked(text)
    # Generous for a shared machine: each shape takes at most about 2 s alone (python-markdown
    # itself is most of it); without the guards some took minutes or never returned.
    assert time.monotonic() - started < 10
    assert unsafe_parts(rendered.html) == []
    assert len(rendered.warnings) <= 50


def test_nesting_is_bounded():
    rendered = render_markdown_checked("> " * (MAX_NESTING + 4) + "deep")
    assert rendered.html.count("<blockquote>") == MAX_NESTING
    assert rendered.warnings == (
        "line 1: lists or quotes nested more than 16 deep; the rest of the line is shown as text",
    )
    # A horizontal rule made of many dashes is not nesting.
    assert render_markdown_checked("- " * 40).html == "<hr>"
