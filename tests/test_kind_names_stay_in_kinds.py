"""What varies by kind stays in the kind's own files (issue 11): no Python, JS or template outside
them names a built-in kind, compares a kind with a name or writes a kind's notation (Python
literals, HTTP steps). A new kind then needs no core edit, and a kind can't be half-handled by an
`if` somewhere else."""

import re
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
SOURCES = ("*.py", "*.js", "*.mjs", "*.html")
# Where kind names belong: each kind's own module, renderer and templates; data migrations
# (frozen history); tests and benchmarks (they build challenges of a given kind). The
# catalogue's packages are content, not the platform: their starters, solutions and mutants are
# a candidate's code, free to call anything a kind.
KIND_HOMES = (
    "challenges/kinds/",
    "frontend/src/kinds/",
    "frontend/templates/frontend/kinds/",
    "tests/",
    "benchmarks/",
    "challenges/catalogue/",
)
# The few places a kind's name is written for a reason that isn't dispatching on it:
# (file, name) -> why.
EXCEPTIONS = {
    ("config/settings/base.py", "api"): "CHALLENGE_KINDS: the registry names the built-ins",
    ("config/settings/base.py", "design"): "CHALLENGE_KINDS",
    ("config/settings/base.py", "python"): "CHALLENGE_KINDS",
    ("config/settings/base.py", "sql"): "CHALLENGE_KINDS",
    ("challenges/skills.py", "api"): "an acronym written in capitals in skill names",
    ("challenges/skills.py", "sql"): "an acronym written in capitals in skill names",
    ("platform/ops/lock_requirements.py", "python"): "a venv's interpreter, bin/python",
}
NAME = re.compile(r"""(["'])(python|sql|api|design)\1""")
# A kind compared with a literal (a name, a list of them) or a constant standing for one, either
# way round, in Python, JS or a template. Two kinds compared (`challenge.kind != package.kind`:
# a kind can't change) compare no name.
COMPARISON = re.compile(
    r"""\bkind(?:["']\])?\s*(?:===?|!==?)\s*(?:["'\[({]|[A-Z][A-Z_]+\b)"""
    r"""|["']\s*(?:===?|!==?)\s*[\w.]*\bkind\b"""
    r"""|\bkind\s+(?:not\s+)?in\s*[\[({"']"""
    r"""|\bKind\.(?:PYTHON|SQL|API|DESIGN)\b"""
)

# A kind's notation (how its case data is written for candidates) is the kind's own: Python
# literals and calls (challenges/kinds/python_notation.py, frontend/src/kinds/python-notation.js),
# HTTP steps (api_notation.py, kinds/api.js). Shared code asks the kind (`{% notation %}`,
# Kind.notations(), the renderer of a row's kind) and names none of these.
NOTATION = re.compile(
    r"\b(?:pyLiteral|pyCall|pyExpected|pyString|matcherWords|describeRequest|describeResponse"
    r"|python_call|python_value|python_expected|http_request|http_response|reference_words"
    r"|python_notation|api_notation|python-notation)\b"
)


def problems_in(path: str, text: str) -> list[str]:
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        for match in NAME.finditer(line):
            if (path, match.group(2)) not in EXCEPTIONS:
                found.append(f"{path}:{number}: names the kind {match.group(0)}")
        if COMPARISON.search(line):
            found.append(f"{path}:{number}: compares a kind: {line.strip()}")
        if NOTATION.search(line):
            found.append(f"{path}:{number}: writes a kind's notation: {line.strip()}")
    return found


def source_files() -> list[str]:
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "--", *SOURCES],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    return [
        path
        for path in listed
        if not path.startswith(KIND_HOMES)
        and "/migrations/" not in path
        and (ROOT / path).is_file()
    ]


def test_no_code_outside_the_kinds_names_or_compares_a_kind():
    files = source_files()
    # The scan sees the code it guards.
    assert {
        "challenges/services.py",
        "frontend/src/results.js",
        "frontend/src/render.js",
        "frontend/templatetags/challenge_format.py",
        "frontend/templates/frontend/submission.html",
    } <= set(files)
    found = [p for path in files for p in problems_in(path, (ROOT / path).read_text())]
    assert found == []


def test_every_exception_is_still_needed():
    for path, name in EXCEPTIONS:
        assert re.search(rf"""["']{name}["']""", (ROOT / path).read_text()), (path, name)


@pytest.mark.parametrize(
    "line",
    [
        'if challenge.kind == "sql":',
        "if kind != 'design' and x:",
        'if version.challenge.kind in ("python", "api"):',
        "elif kind in ['sql']:",
        'if (row.kind === "sql") render();',
        '{% if challenge.kind == "design" %}',
        "if challenge.kind == SQL_KIND:",
        'if "sql" == kind:',
        'if row["kind"] == "sql":',
        "if challenge.kind == Challenge.Kind.SQL:",
        'label = {"python": "Python"}',
        "const language = 'python';",
        'import { el, pyLiteral } from "./render.js";',
        "export const pyExpected = (value) => pyLiteral(readable(value));",
        "<pre>{{ value|python_expected }}</pre>",
        "<pre>{{ request|http_request }}</pre>",
        "from frontend.templatetags.challenge_format import python_call",
        "from challenges.kinds.api_notation import reference_words",
    ],
)
def test_the_check_catches_kind_names_and_comparisons(line):
    assert problems_in("core/module.py", line)


@pytest.mark.parametrize(
    "line",
    [
        "if challenge.kind != package.kind:",
        "known = kind in kind_names()",
        'if data["package"]["kind"] != challenge.kind:',
        "for kind, label in kind_choices():",
        "kind = kind_for(challenge.kind)",
        'event_type == "ready"',
        "autocompletion({ activateOnTyping: mode.completeWhileTyping })",
        '<pre>{% notation challenge.kind "expected" value %}</pre>',
        "return kind_for(kind).notation(form, value, *options)",
        "valuesDetail(row, { show: pretty })",
    ],
)
def test_the_check_lets_kind_neutral_code_be(line):
    assert problems_in("core/module.py", line) == []
