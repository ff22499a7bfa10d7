"""Where a challenge came from: the manifest's [source] table (url, commit, licence,
attribution, changes), checked the same way for a folder, the authoring API and a stored version."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

# Open licences a challenge may be adapted under (SPDX ids), plus our own two words: "original"
# (written here) and "proprietary" (an organisation's own content, not for redistribution).
LICENCES = frozenset(
    {
        "0BSD",
        "Apache-2.0",
        "BSD-2-Clause",
        "BSD-3-Clause",
        "CC-BY-4.0",
        "CC-BY-SA-4.0",
        "CC0-1.0",
        "ISC",
        "MIT",
        "MPL-2.0",
        "Unlicense",
        "original",
        "proprietary",
    }
)
# Key -> the most characters it may hold.
SOURCE_KEYS = {"url": 500, "commit": 64, "licence": 40, "attribution": 300, "changes": 2000}
COMMIT_RE = re.compile(r"^[0-9a-f]{7,64}$")


def http_url(value: Any) -> str | None:
    """`value` if it is an absolute http(s) URL with a host and no spaces or controls, else None."""
    if not isinstance(value, str) or not value or len(value) > SOURCE_KEYS["url"]:
        return None
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in value):
        return None
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    return value


def provenance_problems(source: Any) -> list[str]:
    """Problems with a [source] table, each naming its key (total over any value)."""
    if not isinstance(source, dict):
        return ["[source] must be a table"]
    problems = []
    unknown = sorted(str(key)[:40] for key in source if key not in SOURCE_KEYS)
    if unknown:
        problems.append(f"[source] unknown keys {unknown} (known: {', '.join(SOURCE_KEYS)})")
    for key, limit in SOURCE_KEYS.items():
        value = source.get(key)
        if value is None:
            continue
        if not isinstance(value, str) or not value.strip() or len(value) > limit:
            problems.append(f"[source] {key} must be text of 1 to {limit} characters")
        elif "\x00" in value:
            problems.append(f"[source] {key} contains a NUL character")
    if problems:
        return problems
    url, licence = source.get("url"), source.get("licence")
    if (url is None) != (licence is None):
        problems.append("[source] url and licence go together: give both or neither")
    if url is not None and http_url(url) is None:
        problems.append("[source] url must be an http:// or https:// address")
    if licence is not None and licence not in LICENCES:
        problems.append(f"[source] licence must be one of {sorted(LICENCES)} (SPDX ids)")
    commit = source.get("commit")
    if commit is not None and not COMMIT_RE.match(commit):
        problems.append("[source] commit must be a git commit id (7 to 64 hex digits)")
    return problems


def provenance_shown(source: Any) -> dict[str, str] | None:
    """A stored [source] as candidates see it: None without one; the url only if http(s)."""
    if not isinstance(source, dict) or not source:
        return None
    shown = {
        key: source[key] for key in SOURCE_KEYS if isinstance(source.get(key), str) and key != "url"
    }
    url = http_url(source.get("url"))
    if url:
        shown["url"] = url
    return shown or None
