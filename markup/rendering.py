"""Render user-authored Markdown (python-markdown) and sanitise it (bleach allowlist)."""

from __future__ import annotations

from functools import partial

import bleach
import markdown
from bleach.linkifier import LinkifyFilter

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
_EXTENSIONS = ["fenced_code", "tables", "sane_lists", "abbr", "def_list"]


def _harden_link(attrs: dict, new: bool = False) -> dict:
    # Authored links are untrusted: no SEO credit and no window.opener for the target page.
    attrs[(None, "rel")] = "nofollow noopener"
    return attrs


# Cleaning and linkifying in one pass (a filter of the cleaner) avoids double escaping.
_cleaner = bleach.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    protocols=ALLOWED_PROTOCOLS,
    strip=True,
    strip_comments=True,
    filters=[partial(LinkifyFilter, callbacks=[_harden_link], skip_tags={"pre", "code"})],
)


def render_markdown(text: str) -> str:
    """Return sanitised HTML for Markdown `text`; safe to mark as safe in templates."""
    html = markdown.markdown(text or "", extensions=_EXTENSIONS, output_format="html")
    return _cleaner.clean(html)
