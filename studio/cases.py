"""The case table editor's description of a package's cases.json: the kind's columns and caps."""

from __future__ import annotations

import tomllib
from typing import Any

from challenges import package_content as limits
from challenges.kinds import kind_for
from challenges.packages import MANIFEST

# The order write_package writes a case's keys in; the table keeps an edited case in it.
CASE_KEY_ORDER = ("name", "visibility", "input", "expected", "category", "hint", "weight")
# Above these the page shows the JSON text alone: a table of them would make the page crawl.
MAX_TABLE_BYTES = 200 * 1024
MAX_TABLE_CASES = limits.MAX_CASES
# The root object, its "cases" list and a case hold input and expected at depth 3.
MAX_TABLE_DEPTH = limits.MAX_JSON_DEPTH + 3


def kind_config(kind_name: str, manifest_text: str) -> dict[str, Any]:
    """The kind's table of a challenge.toml text ({} when it doesn't parse or has none)."""
    try:
        manifest = tomllib.loads(manifest_text)
    except (tomllib.TOMLDecodeError, RecursionError):
        return {}
    table = manifest.get(kind_name)
    return table if isinstance(table, dict) else {}


def case_editor_spec(kind_name: str, files: dict[str, str]) -> dict[str, Any]:
    """What the page's case table needs (json_script): the kind's columns for this package."""
    kind = kind_for(kind_name)
    config = kind_config(kind_name, files.get(MANIFEST, ""))
    columns = kind.case_columns(config=config, paths=list(files))
    return {
        "columns": [column.as_dict() for column in columns],
        "key_order": list(CASE_KEY_ORDER),
        "max_bytes": MAX_TABLE_BYTES,
        "max_cases": MAX_TABLE_CASES,
        "max_depth": MAX_TABLE_DEPTH,
    }
