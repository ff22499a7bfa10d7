"""Render authored Markdown (python-markdown) into sanitised HTML (bleach allowlist), with warnings.

One code path for every piece of authored text: `render_markdown_checked` returns the HTML and
plain-sentence warnings for authors ("line 12: <details> is not allowed; shown as text");
`render_markdown` is the same call keeping only the HTML.

Raw HTML rule (markup/raw_html.py has the details): a tag is kept only if it is on the
allowlist (ALLOWED_TAGS), is closed (inline tags before the paragraph ends, block tags anywhere
later; `<br>` and `<hr>` need no closing), and is nested at most 16 tags deep. Every other tag,
a closing tag with nothing to close, and an unclosed `<!--` is shown as text, so nothing after
it is swallowed: code spans, reference links, lists and tables still render. Attributes outside
ALLOWED_ATTRIBUTES and links other than http(s)/mailto are removed. Tags inside code are text.
Text is capped at MAX_MARKDOWN_CHARS and lists/quotes at 16 levels (markup/nesting.py). Links
(markup/brackets.py): a paragraph makes at most 100 links, and the text python-markdown's link
processors scan from each `[` (to its `]`, and to the `)` after it; to the paragraph's end when
unclosed) is at most 500,000 characters for the whole text; the `[` past either bound show as
text. bleach's linkifier is given its URL pattern with a lookbehind so runs of "(" stay linear,
searched so that a run of domain labels ("a-." * n) is read once (markup/urls.py),
and its tree walker one that finds an element's place among its siblings in constant time
(markup/walker.py), so tables with many rows are no longer quadratic. python-markdown's tables
extension is registered with a test that reads a block's first lines, not all of it, each time
a heading hands the rest of its block back (markup/tables.py).
Each bound keeps hostile input fast (docs/performance.md, "Markdown") and leaves the packaged
statements byte-identical.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import partial

import bleach
import markdown
from bleach.linkifier import URL_RE, LinkifyFilter

from markup.brackets import BRACKET, limited
from markup.nesting import bounded
from markup.raw_html import SENTINEL, guarded
from markup.tables import LinearTableExtension
from markup.urls import UrlFinder
from markup.walker import LinearWalker

MAX_MARKDOWN_CHARS = 200_000
MAX_WARNINGS = 50
ALLOWED_TAGS = frozenset(
    {
        "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "div", "dl", "dt", "em",
        "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "kbd", "li", "ol", "p", "pre", "s",
        "span", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr",
        "ul",
    }
)  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": ["href", "title", "rel"],
    "abbr": ["title"],
    "code": ["class"],
    "div": ["class"],
    "span": ["class"],
    "th": ["align"],
    "td": ["align"],
}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})
# Tables through markup/tables.py: python-markdown's, with a test that reads two lines of a block.
_EXTENSIONS = ["fenced_code", LinearTableExtension(), "sane_lists", "abbr", "def_list"]


class MarkdownTooLong(ValueError):
    """The text is longer than MAX_MARKDOWN_CHARS; callers cap their inputs below it."""


@dataclass(frozen=True)
class Rendered:
    html: str
    warnings: tuple[str, ...]


def _harden_link(attrs: dict, new: bool = False) -> dict:
    # Authored links are untrusted: no SEO credit and no window.opener for the target page.
    attrs[(None, "rel")] = "nofollow noopener"
    return attrs


# bleach's URL pattern starts with "\(*" and is tried at every "(" of a run, each time reading to
# the run's end: "(" * 20000 took 13 s. A match can only start where a run starts (from a later
# "(" the same match is found, with fewer of them), so the lookbehind finds the same links.
_URL_RE = re.compile(r"(?<!\()" + URL_RE.pattern, URL_RE.flags)

# Cleaning and linkifying in one pass (a filter of the cleaner) avoids double escaping.
_cleaner = bleach.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    protocols=ALLOWED_PROTOCOLS,
    strip=True,
    strip_comments=True,
    filters=[
        partial(
            LinkifyFilter,
            callbacks=[_harden_link],
            skip_tags={"pre", "code"},
            url_re=UrlFinder(_URL_RE),
        )
    ],
)
_cleaner.walker = LinearWalker  # html5lib's walker is quadratic in an element's children


def _normalised(text: str) -> str:
    # As python-markdown reads it, so that line numbers and fences are the ones it sees.
    return text.replace("\r\n", "\n").replace("\r", "\n").expandtabs(4)


def render_markdown_checked(text: str) -> Rendered:
    """Sanitised HTML for Markdown `text` (safe to mark as safe) and warnings for its author."""
    if len(text or "") > MAX_MARKDOWN_CHARS:
        raise MarkdownTooLong(f"Markdown is limited to {MAX_MARKDOWN_CHARS} characters.")
    source = _normalised(text or "")
    source, tag_warnings = guarded(
        source, allowed_tags=ALLOWED_TAGS, allowed_attributes=ALLOWED_ATTRIBUTES
    )
    source, nesting_warnings = bounded(source)
    source, bracket_warnings = limited(source)
    html = markdown.markdown(source, extensions=_EXTENSIONS, output_format="html")
    html = _cleaner.clean(html).replace(SENTINEL, "&lt;").replace(BRACKET, "[")
    warnings = tag_warnings + nesting_warnings + bracket_warnings
    if len(warnings) > MAX_WARNINGS:
        more = len(warnings) - MAX_WARNINGS + 1
        warnings = [*warnings[: MAX_WARNINGS - 1], f"... and {more} more warnings"]
    return Rendered(html=html, warnings=tuple(warnings))


def render_markdown(text: str) -> str:
    """Return sanitised HTML for Markdown `text`; safe to mark as safe in templates."""
    return render_markdown_checked(text).html
