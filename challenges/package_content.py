"""Checks on package content as data (the authoring API, stored versions): total over any JSON
value, run before anything is written to disk; each problem names its field."""

from __future__ import annotations

import math
import re
from typing import Any

from django.conf import settings

from challenges.kinds import kind_names
from challenges.skills import skill_weight_problems

# Assets are the only files whose names come from the author: an SQL dataset's files.
MAX_ASSETS = 64
MAX_ASSET_BYTES = 2 * 1024 * 1024
MAX_ASSETS_TOTAL_BYTES = 8 * 1024 * 1024
MAX_ASSET_NAME_CHARS = 200
MAX_ASSET_SEGMENTS = 4
ASSET_PREFIX = "dataset/"
ASSET_SUFFIX = ".sql"
# One path segment: no leading dot (so no ".", "..", or hidden files), no separators.
SAFE_SEGMENT_RE = re.compile(r"^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$")

MAX_JSON_DEPTH = 64  # a case's input and expected value
MAX_CONFIG_DEPTH = 4
MAX_CASES = 500
MAX_MUTANTS = 20
MAX_HINTS = 20
MAX_HINT_CHARS = 2000
MAX_TAGS = 20
MAX_MARKDOWN_CHARS = 200_000
MAX_PROBLEMS_PER_VALUE = 5
TOML_INT_RANGE = (-(2**63), 2**63 - 1)

TEXT_FIELDS = (
    "title",
    "difficulty",
    "context",
    "statement_md",
    "starter_code",
    "reference_solution",
    "editorial_md",
)


def max_source_bytes() -> int:
    return int(settings.RUNNER["MAX_SOURCE_BYTES"])


def _shown(name: str) -> str:
    return repr(name if len(name) <= 60 else name[:60] + "...")


def asset_name_problem(name: Any) -> str | None:
    """Why `name` can't be an asset's path, or None: relative, normalised, safe characters."""
    if not isinstance(name, str) or not name:
        return "an asset's name must be a non-empty text path"
    shown = _shown(name)
    if len(name) > MAX_ASSET_NAME_CHARS:
        return f"{shown}: a name is at most {MAX_ASSET_NAME_CHARS} characters"
    if "\\" in name:
        return f"{shown}: use '/' between folders, never '\\'"
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return f"{shown}: must be a relative path, not an absolute one"
    segments = name.split("/")
    if any(segment in ("..", ".") for segment in segments):
        return f"{shown}: '.' and '..' are not allowed in a path"
    if len(segments) > MAX_ASSET_SEGMENTS:
        return f"{shown}: at most {MAX_ASSET_SEGMENTS} levels of folders"
    if not all(SAFE_SEGMENT_RE.match(segment) for segment in segments):
        return (
            f"{shown}: each part of the path is letters, digits, '.', '_' or '-', "
            "at most 100 characters, not starting with a dot"
        )
    if not (name.startswith(ASSET_PREFIX) and name.endswith(ASSET_SUFFIX)):
        return f"{shown}: assets are an SQL dataset's files, {ASSET_PREFIX}<name>{ASSET_SUFFIX}"
    return None


def _text_problem(value: str) -> str | None:
    if "\x00" in value:
        return "contains a NUL character"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "is not valid Unicode text (a lone surrogate)"
    return None


def assets_problems(assets: Any) -> list[str]:
    """Problems with an `assets` mapping of relative path -> text, each naming its key."""
    if not isinstance(assets, dict):
        return ["must be an object of file path -> text"]
    if len(assets) > MAX_ASSETS:
        return [f"at most {MAX_ASSETS} files (got {len(assets)})"]
    problems = []
    total = 0
    folded: set[str] = set()
    for name, text in assets.items():
        problem = asset_name_problem(name)
        if problem:
            problems.append(problem)
            continue
        if name.lower() in folded:
            problems.append(f"{_shown(name)}: differs from another file only in letter case")
        folded.add(name.lower())
        if not isinstance(text, str):
            problems.append(f"{_shown(name)}: the content must be text")
            continue
        problem = _text_problem(text)
        if problem:
            problems.append(f"{_shown(name)}: {problem}")
            continue
        size = len(text.encode("utf-8"))
        total += size
        if size > MAX_ASSET_BYTES:
            problems.append(f"{_shown(name)}: {size} bytes; a file is at most {MAX_ASSET_BYTES}")
    if total > MAX_ASSETS_TOTAL_BYTES:
        problems.append(f"{total} bytes in all; the files are at most {MAX_ASSETS_TOTAL_BYTES}")
    return problems


def json_problems(value: Any, *, max_depth: int = MAX_JSON_DEPTH, toml: bool = False) -> list[str]:
    """What keeps `value` from being stored and written as package data (iterative: any depth).

    JSON types only, at most `max_depth` levels, text without NUL or lone surrogates, finite
    numbers; `toml=True` (a manifest table) also refuses null and integers beyond 64 bits.
    """
    problems: list[str] = []
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack and len(problems) < MAX_PROBLEMS_PER_VALUE:
        item, depth = stack.pop()
        if isinstance(item, (dict, list)):
            if depth >= max_depth:
                problems.append(f"nested deeper than {max_depth} levels")
                break
            if isinstance(item, dict):
                for key, child in item.items():
                    if not isinstance(key, str):
                        problems.append("object keys must be text")
                    elif _text_problem(key):
                        problems.append(f"a key {_text_problem(key)}")
                    stack.append((child, depth + 1))
            else:
                stack.extend((child, depth + 1) for child in item)
        elif isinstance(item, str):
            problem = _text_problem(item)
            if problem:
                problems.append(f"a text value {problem}")
        elif item is None:
            if toml:
                problems.append("null has no TOML form: leave the key out instead")
        elif isinstance(item, bool):
            continue
        elif isinstance(item, int):
            if toml and not TOML_INT_RANGE[0] <= item <= TOML_INT_RANGE[1]:
                problems.append("integers are 64-bit at most")
        elif isinstance(item, float):
            if not math.isfinite(item):
                problems.append("numbers must be finite")
        else:
            problems.append(f"{type(item).__name__} is not a JSON value")
    return list(dict.fromkeys(problems))


def _case_problems(index: int, case: Any) -> list[str]:
    where = f"case {index}"
    if not isinstance(case, dict):
        return [f"{where}: must be an object"]
    problems = []
    for key in ("input", "expected"):
        if key not in case:
            problems.append(f"{where}: '{key}' is missing")
        else:
            problems += [f"{where}: {key}: {p}" for p in json_problems(case[key])]
    for key in ("name", "visibility", "category", "hint"):
        if key in case and not isinstance(case[key], str):
            problems.append(f"{where}: '{key}' must be text")
        elif key in case and _text_problem(case[key]):
            problems.append(f"{where}: '{key}' {_text_problem(case[key])}")
    weight = case.get("weight", 1)
    if isinstance(weight, bool) or not isinstance(weight, int):
        problems.append(f"{where}: 'weight' must be a whole number")
    return problems


def cases_problems(cases: Any) -> list[str]:
    if not isinstance(cases, list) or not cases:
        return ["must be a non-empty list of cases"]
    if len(cases) > MAX_CASES:
        return [f"at most {MAX_CASES} cases (got {len(cases)})"]
    return [found for index, case in enumerate(cases, 1) for found in _case_problems(index, case)]


def config_problems(config: Any) -> list[str]:
    """The kind's settings table: it is written as TOML, so no nulls and no huge integers."""
    if not isinstance(config, dict):
        return ["must be an object"]
    return json_problems(config, max_depth=MAX_CONFIG_DEPTH, toml=True)


def mutants_problems(mutants: Any) -> list[str]:
    if not isinstance(mutants, list):
        return ["must be a list of {name, code}"]
    if len(mutants) > MAX_MUTANTS:
        return [f"at most {MAX_MUTANTS} mutants (got {len(mutants)})"]
    problems = []
    for index, mutant in enumerate(mutants, start=1):
        if not isinstance(mutant, dict) or set(mutant) != {"name", "code"}:
            problems.append(f"mutant {index}: must be an object with a name and code")
            continue
        name, code = mutant["name"], mutant["code"]
        if not isinstance(name, str) or not SAFE_SEGMENT_RE.match(name) or "." in name:
            problems.append(f"mutant {index}: the name is letters, digits, '_' or '-'")
        problems += [f"mutant {index}: {p}" for p in source_problems(code)]
    return problems


def source_problems(code: Any) -> list[str]:
    """A program the sandbox will take: text, no NUL, within the source size limit."""
    if not isinstance(code, str):
        return ["must be text"]
    problem = _text_problem(code)
    if problem:
        return [problem]
    size = len(code.encode("utf-8"))
    if size > max_source_bytes():
        return [f"{size} bytes; the sandbox takes at most {max_source_bytes()}"]
    return []


def content_problems(content: Any) -> dict[str, list[str]]:
    """Every problem with `content` (ChallengePackage.content()'s shape), by field."""
    if not isinstance(content, dict):
        return {"package": ["must be an object"]}
    problems: dict[str, list[str]] = {}

    def add(field: str, found: list[str]) -> None:
        if found:
            problems.setdefault(field, []).extend(found)

    slug = content.get("slug")
    if not isinstance(slug, str) or not SAFE_SEGMENT_RE.match(slug) or "." in slug:
        add("slug", ["must be letters, digits, '_' or '-'"])
    if content.get("kind") not in kind_names():
        add("kind", [f"must be one of {', '.join(kind_names())}"])
    for key in TEXT_FIELDS:
        value = content.get(key, "")
        if key in ("starter_code", "reference_solution"):
            add(key, source_problems(value))
        elif not isinstance(value, str):
            add(key, ["must be text"])
        elif _text_problem(value):
            add(key, [_text_problem(value)])
        elif len(value) > MAX_MARKDOWN_CHARS:
            add(key, [f"at most {MAX_MARKDOWN_CHARS} characters"])
    minutes = content.get("estimated_minutes")
    if isinstance(minutes, bool) or not isinstance(minutes, int):
        add("estimated_minutes", ["must be a whole number"])
    add("skills", skill_weight_problems(content.get("skills")))
    for key, limit, each in (("tags", MAX_TAGS, 64), ("hints", MAX_HINTS, MAX_HINT_CHARS)):
        value = content.get(key, [])
        if not isinstance(value, list) or len(value) > limit:
            add(key, [f"must be a list of at most {limit} texts"])
        elif not all(isinstance(v, str) and len(v) <= each and not _text_problem(v) for v in value):
            add(key, [f"each item is text of at most {each} characters"])
    add("config", config_problems(content.get("config", {})))
    add("cases", cases_problems(content.get("cases")))
    add("mutants", mutants_problems(content.get("mutants", [])))
    add("assets", assets_problems(content.get("assets", {})))
    return problems


def flat_problems(problems: dict[str, list[str]]) -> list[str]:
    return [f"{field}: {problem}" for field, found in problems.items() for problem in found]
