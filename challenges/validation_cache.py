"""Which challenges validated OK before, by content digest and sandbox harness digest: what
`validatechallenges --changed` may skip. A JSON file: slug -> {content, harness, rules, ok}."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

# What validation checks, as a version: bump it when validation.py's rules change, so results
# cached under the old rules are validated again.
RULES = "2"
MAX_CACHE_BYTES = 8 * 1024 * 1024


def cache_load(path: Path) -> dict[str, dict[str, Any]]:
    """The cache at `path`; {} when it is missing, too big or not what we write (never raises)."""
    try:
        if path.stat().st_size > MAX_CACHE_BYTES:
            return {}
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {slug: entry for slug, entry in data.items() if isinstance(entry, dict)}


def cache_hit(
    cache: dict[str, dict[str, Any]], *, slug: str, content: str, harness: str | None
) -> bool:
    """Did this exact content validate OK with this exact harness, under the current rules?"""
    entry = cache.get(slug)
    return bool(
        harness
        and entry
        and entry.get("ok") is True
        and entry.get("content") == content
        and entry.get("harness") == harness
        and entry.get("rules") == RULES
    )


def cache_record(
    cache: dict[str, dict[str, Any]], *, slug: str, content: str, harness: str | None, ok: bool
) -> None:
    """Remember an outcome; only a success with a known harness can be skipped later."""
    if ok and harness:
        cache[slug] = {"content": content, "harness": harness, "rules": RULES, "ok": True}
    else:
        cache.pop(slug, None)


def cache_save(path: Path, cache: dict[str, dict[str, Any]]) -> None:
    """Write atomically: an interrupted run leaves the previous cache, never half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".validation-cache-")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(cache, stream, indent=1, sort_keys=True)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
