"""Bounds on what a grading stores: every value and text clipped and marked, the whole capped.

Candidate code made whatever a sandbox returns. Whatever arrives, what is stored is plain JSON
that PostgreSQL and SQLite accept and every page can render: no NUL characters or lone
surrogates, non-finite floats as `{"__float__": "nan"}` markers, no int JSON can't write, at most
MAX_DEPTH deep, each row field at most MAX_FIELD_BYTES, the results at most MAX_RESULTS_BYTES.
A clipped value becomes `{"__truncated__": true, "preview": "...", "bytes": N}` (N its size as
JSON, estimated for huge numbers); a clipped text ends with TEXT_MARKER.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

MAX_DEPTH = 32
MAX_FIELD_BYTES = 16 * 1024
# Below this per-field budget, rows keep only the fields that say what happened.
MIN_FIELD_BYTES = 256
MAX_RESULTS_BYTES = 256 * 1024
MAX_OUTPUT_CHARS = 64 * 1024
MAX_MESSAGE_CHARS = 8 * 1024
PREVIEW_CHARS = 300
TEXT_MARKER = "… [truncated]"
# Row fields shown as text (clipped as text); every other field is a JSON value.
TEXT_FIELDS = frozenset({"output", "error", "hint", "message", "name", "category"})
# What a row keeps when even small fields don't fit: what happened to which case.
ESSENTIAL_FIELDS = (
    "kind",
    "ordinal",
    "name",
    "visibility",
    "type",
    "status",
    "passed",
    "points",
    "earned",
    "category",
)
# json.dumps refuses ints with more than sys.get_int_max_str_digits() (4300) digits.
MAX_INT_BITS = 14_000
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def clean_text(value: str) -> str:
    """Without what PostgreSQL refuses in text and JSON (NUL, lone surrogates)."""
    return _UNSTORABLE.sub("\ufffd", value)


def _as_text(value: Any) -> str:
    """Text for a key or a text field, whatever arrived (str() of a huge int raises)."""
    if isinstance(value, str):
        return clean_text(value)
    if value is None or isinstance(value, (bool, float)):
        return str(value)
    if isinstance(value, int) and value.bit_length() <= 64:
        return str(value)
    return f"<{type(value).__name__}>"


def bounded_text(value: Any, limit: int) -> str:
    """`value` as storable text of at most `limit` characters plus the marker."""
    text = _as_text(value)
    return text if len(text) <= limit else text[:limit] + TEXT_MARKER


def _size_and_depth(value: Any) -> tuple[int, int]:
    """Roughly the size of `value` as JSON, and its nesting depth, without recursion."""
    size = depth = 0
    stack = [(value, 1)]
    while stack:
        item, level = stack.pop()
        depth = max(depth, level)
        if isinstance(item, str):
            size += len(item) + 2
        elif isinstance(item, bool) or item is None:
            size += 5
        elif isinstance(item, int):
            size += item.bit_length() * 30103 // 100000 + 2
        elif isinstance(item, float):
            size += 24
        elif isinstance(item, dict):
            size += 2 + 4 * len(item)
            for key, child in item.items():
                size += len(_as_text(key)) + 2
                stack.append((child, level + 1))
        elif isinstance(item, (list, tuple)):
            size += 2 + len(item)
            stack.extend((child, level + 1) for child in item)
        else:
            size += len(type(item).__name__) + 2
    return size, depth


def _preview_copy(value: Any, depth: int = 0) -> Any:
    """A small copy for a preview: shallow, few items, short strings."""
    if isinstance(value, str):
        return clean_text(value[:PREVIEW_CHARS])
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return value if value.bit_length() <= 64 else f"<{value.bit_length()}-bit int>"
    if isinstance(value, float):
        return value if math.isfinite(value) else repr(value)
    if depth >= 6:
        return "…"
    if isinstance(value, dict):
        items = list(value.items())[:20]
        return {_as_text(k)[:60]: _preview_copy(v, depth + 1) for k, v in items}
    if isinstance(value, (list, tuple)):
        return [_preview_copy(item, depth + 1) for item in list(value[:20])]
    return f"<{type(value).__name__}>"


def truncated(value: Any, size: int | None = None) -> dict:
    """The marker that stands for a value too large or too deep to keep."""
    if size is None:
        size, _ = _size_and_depth(value)
    preview = json.dumps(_preview_copy(value), ensure_ascii=False)
    return {"__truncated__": True, "preview": preview[:PREVIEW_CHARS], "bytes": size}


def _plain(value: Any, depth: int) -> Any:
    """Storable JSON; only called on values within MAX_DEPTH, so the recursion is bounded."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return value if value.bit_length() <= MAX_INT_BITS else truncated(value)
    if isinstance(value, float):
        return value if math.isfinite(value) else {"__float__": repr(value)}
    if isinstance(value, dict):
        return {_as_text(key): _plain(item, depth + 1) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item, depth + 1) for item in value]
    return truncated(value)


def bounded_value(value: Any, limit: int = MAX_FIELD_BYTES) -> Any:
    """`value` as storable JSON, or the truncation marker when it is too large or too deep."""
    size, depth = _size_and_depth(value)
    if size > limit or depth > MAX_DEPTH:
        return truncated(value, size)
    return _plain(value, 0)


def _bounded_row(row: Any, limit: int, fields: tuple[str, ...] | None = None) -> dict:
    if not isinstance(row, dict):
        return {"value": bounded_value(row, limit)}
    bounded = {}
    for key, value in row.items():
        name = _as_text(key)[:64]
        if fields is not None and name not in fields:
            continue
        if name in TEXT_FIELDS and isinstance(value, str):
            bounded[name] = bounded_text(value, limit)
        else:
            bounded[name] = bounded_value(value, limit)
    return bounded


def _json_size(rows: list) -> int:
    # As Django's JSONField writes it (ASCII, non-ASCII escaped): characters are bytes.
    return len(json.dumps(rows))


def bounded_results(rows: Any) -> list[dict]:
    """Per-case rows as stored: every field bounded, and the whole under MAX_RESULTS_BYTES.

    Fields get a smaller budget until the rows fit; then rows keep only their essential
    fields; then the last rows give way to one row counting how many were left out.
    """
    rows = rows if isinstance(rows, list) else []
    limit = MAX_FIELD_BYTES
    while True:
        bounded = [_bounded_row(row, limit) for row in rows]
        if _json_size(bounded) <= MAX_RESULTS_BYTES:
            return bounded
        if limit <= MIN_FIELD_BYTES:
            break
        limit = max(MIN_FIELD_BYTES, limit // 4)
    bounded = [_bounded_row(row, MIN_FIELD_BYTES, ESSENTIAL_FIELDS) for row in rows]
    while bounded and _json_size(bounded) > MAX_RESULTS_BYTES - 200:
        bounded = bounded[: len(bounded) * 3 // 4]
    left_out = len(rows) - len(bounded)
    if left_out:
        bounded.append({"name": f"{left_out} more cases", "status": "truncated", "passed": False})
    return bounded
