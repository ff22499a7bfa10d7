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


def render(*submissions: dict, context: dict | None = None) -> list:
    if context is not None:
        submissions = tuple({"submission": s, "context": context} for s in submissions)
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
    assert "pre: {'n': 1}" in shown
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


def test_python_values_are_python_literals_with_the_call_and_matchers_in_words():
    row = {**VISIBLE, "kind": "python", "time_ms": 0,
           "input": {"args": [[{"sku": "tea", "qty": 2}], None], "kwargs": {"strict": True}},
           "expected": {"name": "it's", "ok": {"$regex": "^y"}, "n": {"$type": "integer"}},
           "actual": {"name": "its", "ok": False, "n": None}}  # fmt: skip
    [shown] = render(finished(row), context={"entrypoint": "order_total"})
    assert "strong: Call" in shown
    assert "pre: order_total([{'sku': 'tea', 'qty': 2}], None, strict=True)" in shown
    assert "pre: {'name': \"it's\", 'ok': <text matching '^y'>, 'n': <an integer>}" in shown
    assert "pre: {'name': 'its', 'ok': False, 'n': None}" in shown
    assert "li: name: expected \"it's\", got 'its'" in shown
    # Measured under a millisecond: said so, not "0 ms".
    assert "span.muted.case-time: < 1 ms" in shown


def test_a_python_program_shows_stdin_and_stdout_as_text():
    row = {**VISIBLE, "kind": "python", "input": {"stdin": "3\n1 2 3\n"},
           "expected": {"stdout": "6\n"}, "actual": {"stdout": "5\n"}}  # fmt: skip
    [shown] = render(finished(row))
    assert "strong: stdin" in shown
    assert "pre: 3\n1 2 3\n" in shown
    assert "pre: 6\n" in shown


def test_times_only_where_measured():
    rows = [{**VISIBLE, "kind": "python", "name": "a", "time_ms": 7},
            {**VISIBLE, "kind": "python", "name": "b"},
            {**VISIBLE, "kind": "python", "name": "c", "time_ms": "7"}]  # fmt: skip
    [shown] = render(finished(*rows))
    assert [line for line in shown if "case-time" in line] == ["span.muted.case-time: 7 ms"]


def test_failed_cases_open_passed_ones_folded_in_the_cases_tab():
    passed = {**VISIBLE, "kind": "python", "name": "ok", "status": "passed", "passed": True,
              "actual": {"total": 2}}  # fmt: skip
    [shown] = render(finished({**VISIBLE, "kind": "python"}, passed, {**HIDDEN, "kind": "python"}))
    assert [line for line in shown if line.startswith("details.case")] == [
        "details.case.fail[open]",
        "details.case.pass",
        "details.case.fail[open]",
    ]
    assert "button.result-tab: Result" in shown
    assert "button.result-tab: Cases (3)" in shown
    assert "panel result-panel-summary[hidden]" in shown
    assert "panel result-panel-cases" in shown
    assert "p.muted: 1 passed, 2 failed." in shown


def test_when_nothing_ran_the_result_tab_with_the_message_comes_first():
    row = {**VISIBLE, "kind": "python", "status": "not_run", "actual": None}
    [shown] = render(finished(row, verdict="syntax_error", message="SyntaxError: line 1",
                              stdout="hello"))  # fmt: skip
    assert "panel result-panel-summary" in shown
    assert "panel result-panel-cases[hidden]" in shown
    assert "pre.message: SyntaxError: line 1" in shown
    assert "button.result-tab: Output" in shown
    assert "pre.program-output: hello" in shown


API_ROW = {
    **VISIBLE,
    "kind": "api",
    "input": {"requests": [
        {"method": "post", "path": "/orders", "headers": {"Authorization": "Bearer t"},
         "json": {"sku": "tea"}},
        {"path": "/orders/{{0.json.id}}", "headers": {"If-None-Match": "{{0.headers.etag}}"}},
        {"path": "/orders/{{1.json.id}}/lines"},
    ]},
    "expected": [
        {"status": 201, "json": {"id": {"$regex": "^ord_"}, "secret": {"$absent": True}}},
        {"status": 200, "headers": {"Content-Type": {"$regex": "json"}}},
        {"status": 200},
    ],
    "actual": [
        {"status": 201, "headers": {"etag": "W/1"}, "json": {"id": "ord_7", "secret": "x"}},
        {"status": 500, "headers": {}, "body": "boom"},
    ],
    "mismatch": {"step": 1, "detail": "status 500, expected 200"},
}  # fmt: skip


def test_an_api_scenario_is_http_with_references_resolved_and_matchers_in_words():
    [shown] = render(finished(API_ROW))
    assert 'pre.request: POST /orders\nAuthorization: Bearer t\n\n{"sku": "tea"}' in shown
    # Known from the run: the value; not known (step 2 returned no id): described in words.
    assert "pre.request: GET /orders/ord_7\nIf-None-Match: W/1" in shown
    assert "pre.request: GET /orders/<the id returned by step 2>/lines" in shown
    assert 'pre: HTTP 201\n\n{"id": <text matching \'^ord_\'>, "secret": <absent>}' in shown
    assert "pre: HTTP 200\nContent-Type: <text matching 'json'>" in shown
    assert "pre: HTTP 500\n\nboom" in shown
    assert "p.diff: Step 2: status 500, expected 200" in shown
    assert not any("{{" in line or "$regex" in line or "$absent" in line for line in shown)


def test_an_api_response_the_app_gave_is_shown_as_it_came_even_when_it_looks_like_a_matcher():
    row = {
        **API_ROW,
        "actual": [
            {"status": 201, "headers": {"X-Kind": {"$regex": "x"}}, "json": {"$absent": True}},
        ],
        "mismatch": {"step": 0, "detail": "body differs"},
    }
    [shown] = render(finished(row))
    assert "pre: HTTP 201\nX-Kind: {'$regex': 'x'}\n\n{\"$absent\": true}" in shown


@pytest.mark.parametrize(
    ("url", "shown_link"),
    [("/challenges/near/", True), ("//evil.example/x", False), ("javascript:alert(1)", False),
     ("https://evil.example/", False)],
)  # fmt: skip
def test_next_challenge_after_a_pass_only_as_a_local_link(url, shown_link):
    following = {"slug": "near", "title": "Near", "url": url}
    [shown] = render(finished(verdict="accepted", passed=True, next_challenge=following))
    assert ("a[href=" + url + "]" in shown) is shown_link
    [failed] = render(finished(passed=False, next_challenge=following))
    assert not any(line.startswith("a[href=") for line in failed)


def test_an_api_result_has_a_steps_tab_with_one_line_per_step():
    [shown] = render(finished(API_ROW))
    assert "button.result-tab: Steps" in shown
    assert "panel result-panel-kind-steps[hidden]" in shown
    steps = shown[shown.index("panel result-panel-kind-steps[hidden]") :]
    assert steps[1:5] == ["th: Step", "th: Request", "th: Expected", "th: Actual"]
    assert [line for line in steps if line.startswith("code: ")] == [
        "code: POST /orders",
        "code: GET /orders/ord_7",
        "code: GET /orders/<the id returned by step 2>/lines",
    ]
    assert "td: ✗ first difference" in steps
    assert steps.count("td: ✓") == 1
    # Another kind has no Steps tab.
    [python] = render(finished({**VISIBLE, "kind": "python"}))
    assert "button.result-tab: Steps" not in python


def custom_row(**fields) -> dict:
    return {"ordinal": 1, "name": "Your input", "visibility": "example", "custom": True,
            "kind": "python", "status": "wrong_answer", "passed": False,
            "input": {"args": [[1, 2]], "kwargs": {"strict": True}},
            "reference_status": "ok", "expected": 3, "actual": 4, "output": "", "error": "",
            **fields}  # fmt: skip


def test_a_custom_run_sets_the_reference_beside_the_output():
    [shown] = render(
        finished(custom_row(), mode="custom", score=0.0), context={"entrypoint": "total"}
    )
    assert "span.muted: Custom run: your output differs from the reference solution's" in shown
    assert (
        "p.custom-match.mismatch: Mismatch: your output differs from the reference solution's."
        in shown
    )
    assert "button.result-tab: Your input" in shown
    assert "details.case.fail[open]" in shown
    assert "pre: total([1, 2], strict=True)" in shown
    assert "strong: Expected (reference solution)" in shown
    assert "strong: Your output" in shown
    assert "li: the result: expected 3, got 4" in shown


def test_a_custom_run_shows_exceptions_in_words_and_a_reference_that_did_not_finish():
    raised = {"__raised__": {"type": "ValueError", "mro": ["ValueError"], "message": "bad"}}
    [matched, timed_out] = render(
        finished(custom_row(status="passed", passed=True, expected=raised, actual=raised),
                 mode="custom", verdict="accepted", score=1.0),
        finished(custom_row(reference_status="time_limit", expected=None), mode="custom"),
    )  # fmt: skip
    assert "p.custom-match.match: Match: your output is the reference solution's." in matched
    assert "details.case.pass[open]" in matched
    assert matched.count("pre: <raises ValueError('bad')>") == 2
    assert (
        "p.custom-match.mismatch: No comparison: the reference solution did not finish on your "
        "input (Time limit exceeded)." in timed_out
    )
    assert "pre: —" in timed_out


def test_a_custom_sql_row_shows_the_statements_and_both_tables():
    row = custom_row(kind="sql", input={"dataset": "seed", "statements": "DELETE FROM t;"},
                     expected={"columns": ["id"], "rows": [[1]]},
                     actual={"columns": ["id"], "rows": [[2]]})  # fmt: skip
    [shown] = render(finished(row, mode="custom"))
    assert "strong: Your statements, on seed" in shown
    assert "pre: DELETE FROM t;" in shown
    assert "strong: Expected (reference solution)" in shown
    assert "strong: Your output" in shown
    [empty] = render(
        finished({**row, "input": {"dataset": "seed", "statements": ""}}, mode="custom")
    )
    assert "p.muted: The example's data (seed), unchanged." in empty
