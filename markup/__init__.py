"""Markdown to safe HTML: the one sanitising path for every piece of authored text."""

from markup.rendering import render_markdown

__all__ = ["render_markdown"]
