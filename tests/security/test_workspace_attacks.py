"""Attacks on the candidate workspace: the next-challenge hint, the notation of hostile values
(the kinds' notation on the server and the browser's renderers) and the links the result panel
makes."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from challenges.kinds.api_notation import http_request, http_response
from tests.factories import UserFactory, graded_submit, published_challenge

RENDER = Path(__file__).parent.parent / "frontend" / "render_results.mjs"


def nested(depth: int) -> object:
    value: object = "bottom"
    for _ in range(depth):
        value = {"$exact": [value]}
    return value


def test_next_challenge_never_names_a_private_unpublished_or_foreign_challenge(
    api_client, candidate
):
    from organisations.models import Organisation

    acme = Organisation.objects.create(slug="acme", name="Acme")
    solved = published_challenge("solved", kind="sql", skills={"sql-querying": 1.0})
    published_challenge("acme-only", title="A", kind="sql", organisation=acme)
    draft = published_challenge("a-draft", title="A draft", kind="sql")
    draft.is_published = False
    draft.save(update_fields=["is_published"])
    mine = graded_submit(candidate, solved, score=1)
    assert api_client.get(f"/api/submissions/{mine.pk}/").json()["next_challenge"] is None

    # Someone else's submission: not found, so nothing about what they could do next.
    other = graded_submit(UserFactory(username="mallory"), solved, score=1)
    assert api_client.get(f"/api/submissions/{other.pk}/").status_code == 404


def test_hostile_api_steps_read_as_text_without_recursing_or_resolving_anything():
    step = {
        "method": "get<script>",
        "path": "/x/{{0.json.__proto__}}/{{99.headers.}}{{ 1.status }}",
        "headers": {"X-A": "{{0.json.constructor.prototype}}"},
        "json": nested(60),
    }
    text = http_request(step)
    assert text.startswith(
        "GET<SCRIPT> /x/<the __proto__ returned by step 1>/<the headers of step 100>"
        "<the status of step 2>"
    )
    assert "X-A: <the constructor.prototype returned by step 1>" in text
    assert http_response({"status": {"$regex": "(a+)+$"}, "json": nested(60)}).startswith(
        "HTTP <text matching '(a+)+$'>"
    )
    # Past the depth cap the value is cut short, never a RecursionError.
    assert "..." in http_response({"json": nested(80)})


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js")
def test_hostile_rows_render_as_text_and_unsafe_next_links_are_dropped():
    row = {
        "ordinal": 1, "name": "<img src=x onerror=alert(1)>", "visibility": "example",
        "status": "wrong_answer", "passed": False, "kind": "api", "time_ms": -5,
        "input": {"requests": [
            {"path": "/a", "headers": {"__proto__": "x"}},
            {"path": "/b/{{0.json.__proto__}}/{{0.headers.constructor}}"},
        ]},
        "expected": [{"status": 200, "json": nested(80)}, {"status": {"$regex": "</pre>"}}],
        "actual": [{"status": 200, "headers": {"__proto__": {"polluted": True}}, "json": {}}],
    }  # fmt: skip
    python_row = {**row, "kind": "python", "input": {"args": [nested(80)]},
                  "expected": nested(80), "actual": nested(80), "time_ms": "NaN"}  # fmt: skip
    submission = {
        "finished": True, "status": "done", "verdict": "accepted", "mode": "submit",
        "passed": True, "results": [row, python_row],
        "next_challenge": {"title": "<b>x</b>", "url": "javascript:alert(1)"},
    }  # fmt: skip
    done = subprocess.run(
        ["node", str(RENDER)],
        input=json.dumps([{"submission": submission, "context": {"entrypoint": "f()\n"}}]),
        capture_output=True, text=True, timeout=30, check=True,
    )  # fmt: skip
    [shown] = json.loads(done.stdout)
    assert isinstance(shown, list), shown
    # Names are text (the DOM gets them through textContent), references that point at
    # nothing are described, and no time is made up from a hostile one.
    assert "span.case-name: <img src=x onerror=alert(1)>" in shown
    resolved = "pre.request: GET /b/<the __proto__ returned by step 1>/<the constructor header"
    assert resolved + " returned by step 1>" in shown
    assert not any("case-time" in line for line in shown)
    assert not any(line.startswith("a[href=") for line in shown)
    assert "{}.polluted" not in done.stdout
