"""The result panel (frontend/src/results.js) picks each row's renderer by its `kind`: a known
kind shows its detail, a hidden row the shared rendering, and a row of a kind the bundle
doesn't know, or of none, the plain values: never an exception."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).with_name("render_results.mjs")
pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js")


def render(*submissions: dict) -> list:
    done = subprocess.run(
        ["node", str(SCRIPT)],
        input=json.dumps(submissions),
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    return json.loads(done.stdout)


def finished(*rows, **fields) -> dict:
    return {"finished": True, "status": "done", "verdict": "wrong_answer", "mode": "submit",
            "score": 0.5, "results": list(rows), **fields}  # fmt: skip


VISIBLE = {"ordinal": 1, "name": "ex", "visibility": "example", "status": "wrong_answer",
           "passed": False, "input": {"n": 1}, "expected": {"total": 2},
           "actual": {"total": 3}}  # fmt: skip
HIDDEN = {"ordinal": 2, "name": "edge", "visibility": "hidden", "status": "wrong_answer",
          "passed": False, "category": "rounding", "hint": "Round half to even."}  # fmt: skip


def test_a_python_row_shows_where_the_values_differ():
    [shown] = render(finished({**VISIBLE, "kind": "python"}, {**HIDDEN, "kind": "python"}))
    assert "li: total: expected 2, got 3" in shown
    assert 'pre: {"n":1}' in shown
    assert "span.case-name: edge (hidden)" in shown
    assert "p.hint: [rounding] Round half to even." in shown
    assert "span.muted: Submit: 0 / 2 cases passed · score 50%" in shown


def test_an_sql_row_shows_tables_and_the_row_diff():
    row = {**VISIBLE, "kind": "sql", "expected": {"columns": ["id"], "rows": [[1], [2]]},
           "actual": {"columns": ["id"], "rows": [[1]]},
           "diff": {"missing_count": 1, "extra_count": 0, "missing_rows": [[2]],
                    "extra_rows": []}}  # fmt: skip
    [shown] = render(finished(row))
    assert "p.diff: 1 row(s) missing, 0 extra" in shown
    assert "strong: Missing rows" in shown
    assert "th: id" in shown


def test_design_rows_are_questions_with_points_not_hidden_cases():
    row = {"ordinal": 1, "name": "eviction", "visibility": "hidden", "type": "single",
           "points": 2, "earned": 0, "status": "wrong_answer", "passed": False,
           "category": "caching", "hint": "Think recency.", "kind": "design"}  # fmt: skip
    [shown] = render(finished(row, verdict="wrong_answer", score=0))
    assert "span.case-name: eviction" in shown
    assert "p.muted: 0 / 2 points" in shown
    assert "p.hint: [caching] Think recency." in shown
    assert "span.muted: 0 / 1 questions right · score 0%" in shown


@pytest.mark.parametrize("kind", ["glossary", None, "__proto__", "constructor", 7, ["sql"]])
def test_a_row_of_a_kind_the_bundle_does_not_know_is_shown_plainly(kind):
    rows = [{**VISIBLE, "kind": kind}, {**HIDDEN, "kind": kind}]
    if kind is None:
        rows = [{k: v for k, v in row.items() if k != "kind"} for row in rows]
    [shown] = render(finished(*rows))
    assert "li: total: expected 2, got 3" in shown
    assert "p.hint: [rounding] Round half to even." in shown
    assert "span.muted: Submit: 0 / 2 cases passed · score 50%" in shown


def test_rows_a_renderer_cannot_take_fall_back_instead_of_breaking_the_panel():
    odd = [
        {**VISIBLE, "kind": "sql", "expected": "not a table", "diff": {"missing_count": 2}},
        {**VISIBLE, "kind": "api", "input": None, "expected": None},
        {**VISIBLE, "kind": "design", "points": None},
        "not a row",
        None,
        {"name": "3 more cases", "status": "truncated", "passed": False},
    ]
    [shown] = render(finished(*odd))
    assert isinstance(shown, list), shown
    assert "span.case-name: 3 more cases" in shown
