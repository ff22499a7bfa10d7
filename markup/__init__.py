"""Markdown to safe HTML: the one sanitising path for every piece of authored text."""

from markup.rendering import MarkdownTooLong, Rendered, render_markdown, render_markdown_checked

__all__ = ["MarkdownTooLong", "Rendered", "render_markdown", "render_markdown_checked"]
