"""The admin's view-only pieces: read-only admins and inlines; code, JSON and Markdown blocks."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from django.contrib import admin
from django.db.models import Model
from django.http import HttpRequest
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from markup import MarkdownTooLong, render_markdown_checked

# A block shows at most this much: a version's assets or a case's value may be megabytes, and
# the page is for reading, not for copying the whole package (the studio exports it).
MAX_SHOWN_CHARS = 100_000


class ViewOnly:
    """No add, no change, no delete, superusers included: a service owns this model's writes,
    so a hand edit would skip its checks. Django then shows every field read-only, answers 403
    to a posted change, and offers no delete action. Mix in before ModelAdmin or an inline."""

    def has_add_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def get_readonly_fields(self, request: HttpRequest, obj: Model | None = None):
        # Every field, the non-editable ones (created_at...) included, so a page may list any;
        # one shown by a display method instead is left out with `exclude`.
        declared = tuple(super().get_readonly_fields(request, obj))
        left_out = {*declared, *(self.exclude or ())}
        opts = self.model._meta
        fields = [f.name for f in (*opts.fields, *opts.many_to_many) if f.name not in left_out]
        return (*declared, *fields)


def _capped(text: str) -> tuple[str, str]:
    if len(text) <= MAX_SHOWN_CHARS:
        return text, ""
    return text[:MAX_SHOWN_CHARS], f"… {len(text) - MAX_SHOWN_CHARS} more characters not shown"


def code_block(text: object) -> SafeString:
    """`text` in a <pre>, indentation and blank lines intact (escaped, capped)."""
    shown, more = _capped(text if isinstance(text, str) else str(text or ""))
    if not shown:
        return mark_safe("-")
    return format_html('<pre class="admin-code">{}</pre>{}', shown, more)


def json_block(value: Any) -> SafeString:
    """`value` as indented JSON in a <pre> (escaped, capped)."""
    try:
        text = json.dumps(value, indent=2, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return code_block(text)


def markdown_preview(text: str) -> SafeString:
    """Markdown as the site renders it (sanitised by markup), its warnings listed above."""
    try:
        rendered = render_markdown_checked(text or "")
    except MarkdownTooLong as exc:
        return format_html("<p>{}</p>", exc)
    preview = mark_safe(f'<div class="statement-preview">{rendered.html}</div>')  # noqa: S308 (sanitised by render_markdown_checked)
    if not rendered.warnings:
        return preview
    listed = format_html_join("", "<li>{}</li>", ((warning,) for warning in rendered.warnings))
    return format_html('<ul class="markdown-warnings">{}</ul>{}', listed, preview)


def _shown(render: Callable[[Any], SafeString], field: str, description: str) -> Callable:
    @admin.display(description=description)
    def show(model_admin: admin.ModelAdmin, obj: Model) -> SafeString:
        return render(getattr(obj, field))

    return show


def shown_code(field: str, description: str) -> Callable:
    """A read-only admin field showing text field `field` as code: `starter = shown_code(...)`."""
    return _shown(code_block, field, description)


def shown_json(field: str, description: str) -> Callable:
    """A read-only admin field showing JSON field `field` indented."""
    return _shown(json_block, field, description)


def shown_markdown(field: str, description: str) -> Callable:
    """A read-only admin field showing Markdown field `field` rendered and sanitised."""
    return _shown(markdown_preview, field, description)
