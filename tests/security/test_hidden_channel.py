"""Attacks on the hidden cases, through the HTTP API with a real worker and the real sandbox.

Each attack tries to get a hidden case's input (or expected value) back to the candidate:
printed, raised, in a type name, in timings or memory, from the runner's frames, through an
SQL error or row counts. None may succeed (docs/runner.md, "Hidden cases").
"""

from __future__ import annotations

import re
import secrets

import pytest
from rest_framework.test import APIClient

from challenges.packages import read_package
from challenges.services import challenge_import_package
from tests.conftest import CATALOGUE
from tests.factories import UserFactory
from tests.security.grading import HIDDEN_ROW_KEYS, code_challenge, graded, hidden_rows, submit

pytestmark = pytest.mark.docker

ECHO_REFERENCE = "def shout(key):\n    return key.upper()\n"


@pytest.fixture
def generous_limits(settings):
    settings.SUBMISSIONS = {
        **settings.SUBMISSIONS,
        "MAX_IN_FLIGHT_PER_USER": 50,
        "SUBMITS_PER_CHALLENGE_PER_HOUR": 100,
    }


@pytest.fixture
def client(transactional_db) -> APIClient:
    api = APIClient()
    api.force_authenticate(UserFactory(username="mallory"))
    return api


@pytest.fixture
def secrets_challenge(transactional_db):
    """`shout(key)`: one visible case and five hidden ones whose inputs are fresh secrets."""
    tokens = [f"hid{secrets.token_hex(8)}" for _ in range(5)]
    cases = [
        {
            "name": "visible",
            "visibility": "example",
            "input": {"args": ["visible"]},
            "expected": "VISIBLE",
        },
        *(
            {
                "name": f"hidden {index}",
                "visibility": "hidden",
                "input": {"args": [token]},
                "expected": token.upper(),
                "category": "secrets",
                "hint": "Shout it.",
            }
            for index, token in enumerate(tokens, start=1)
        ),
    ]
    code_challenge(slug="shout", cases=cases, reference=ECHO_REFERENCE, entrypoint="shout")
    return tokens


def assert_no_secret(body: str, tokens: list[str]) -> None:
    lowered = body.lower()
    for token in tokens:
        assert token not in lowered, f"hidden input {token} came back"


PYTHON_ATTACKS = {
    # Everything a hidden case prints or writes to stderr.
    "printed": (
        "import sys, json\n"
        "def shout(key):\n"
        "    sys.stderr.write(json.dumps([key]) + '\\n')\n"
        "    print('LEAK', key)\n"
        "    return key.upper()\n"
    ),
    # Walk the frames and the whole heap of the process during the visible case.
    "frames and heap": (
        "import gc, re, sys\n"
        "def shout(key):\n"
        "    if key != 'visible':\n"
        "        return key.upper()\n"
        "    seen, frame = [], sys._getframe()\n"
        "    while frame:\n"
        "        seen.append(repr(frame.f_locals))\n"
        "        frame = frame.f_back\n"
        "    for thing in gc.get_objects():\n"
        "        if isinstance(thing, (dict, list, tuple)):\n"
        "            seen.append(repr(thing))\n"
        "    text = ' '.join(seen)\n"
        "    return {'walked': len(text), 'found': re.findall('hid[0-9a-f]{16}', text)}\n"
    ),
    # The input in the exception's message and in its class name.
    "exception": (
        "def shout(key):\n"
        "    if key == 'visible':\n"
        "        return 'VISIBLE'\n"
        "    raise type('Leak_' + key, (Exception,), {})(key)\n"
    ),
    # The runner's data from the frames at import time, raised as the load error.
    "import frames": (
        "import sys\n"
        "_seen, _frame = [], sys._getframe()\n"
        "while _frame:\n"
        "    _seen.append(repr(_frame.f_locals))\n"
        "    _frame = _frame.f_back\n"
        "raise RuntimeError('\\n'.join(_seen))\n"
    ),
    # Data carried by time and memory: 0.4 s and 120 MB in every hidden case.
    "time and memory": (
        "import time\n"
        "def shout(key):\n"
        "    if key != 'visible':\n"
        "        hog = bytearray(120 * 1024 * 1024)\n"
        "        time.sleep(0.4)\n"
        "        del hog\n"
        "    return key.upper()\n"
    ),
}


def test_nothing_a_hidden_case_produces_comes_back(
    worker_process, client, secrets_challenge, generous_limits
):
    ids = {name: submit(client, "shout", code) for name, code in PYTHON_ATTACKS.items()}
    outcomes = {name: graded(client, submission_id) for name, submission_id in ids.items()}
    for name, (submission, body) in outcomes.items():
        assert_no_secret(body, secrets_challenge)
        for row in hidden_rows(submission):
            assert set(row) == HIDDEN_ROW_KEYS, (name, row)
        assert submission["attempts"] == 1, name

    printed, _ = outcomes["printed"]
    assert printed["verdict"] == "accepted"
    # The visible case's prints are kept; nothing of the hidden cases'.
    assert printed["results"][0]["output"] == "LEAK visible\n"
    assert printed["stderr"] == '["visible"]\n'

    heap, _ = outcomes["frames and heap"]
    assert heap["verdict"] == "wrong_answer"
    walk = heap["results"][0]["actual"]
    assert walk["walked"] > 10_000  # the walk really ran over the process...
    assert walk["found"] == []  # ...and no hidden input was anywhere in it

    exception, _ = outcomes["exception"]
    assert exception["verdict"] == "runtime_error"
    assert exception["message"] == "Runtime error on hidden 1"
    assert [row["status"] for row in hidden_rows(exception)] == ["runtime_error"] + ["withheld"] * 4

    import_frames, _ = outcomes["import frames"]
    assert import_frames["verdict"] == "runtime_error"
    assert "RuntimeError" in import_frames["message"]

    slow, _ = outcomes["time and memory"]
    assert slow["verdict"] == "accepted"
    # 2 s of sleeping and 120 MB in hidden cases, none of it in what is shown.
    assert slow["wall_time_ms"] < 1000
    assert slow["peak_memory_kb"] < 60 * 1024
    assert [row["passed"] for row in hidden_rows(slow)] == [True] * 5


def test_sql_errors_and_row_counts_of_hidden_data_stay_hidden(
    worker_process, client, generous_limits
):
    challenge_import_package(package=read_package(CATALOGUE / "double-booked-clinicians"))
    dataset = CATALOGUE.parent / "datasets" / "clinic"
    names = set(re.findall(r"'([A-Z][a-z]+ [A-Z][a-z'-]+)'", (dataset / "seed.sql").read_text()))
    hidden_names = {
        name
        for path in (dataset / "hidden").glob("*.sql")
        for name in re.findall(r"'([A-Z][a-z]+ [A-Z][a-z'-]+)'", path.read_text())
    } - names
    assert hidden_names, "the hidden datasets name people the visible one doesn't"
    error_text = (
        "SELECT json_extract('{}', char(10) || hex((SELECT group_concat(full_name, '|') "
        "FROM patients))) AS leak"
    )
    row_count = "SELECT patient_id FROM patients, clinicians"
    ids = [submit(client, "double-booked-clinicians", q) for q in (error_text, row_count)]
    for submission_id in ids:
        submission, body = graded(client, submission_id)
        for name in hidden_names:
            assert name not in body
            assert name.encode().hex().upper() not in body
        for row in hidden_rows(submission):
            assert set(row) == HIDDEN_ROW_KEYS
    errored, _ = graded(client, ids[0])
    assert errored["verdict"] == "runtime_error"
    assert "OperationalError" in errored["results"][0]["error"]  # the visible case says why
    counted, _ = graded(client, ids[1])
    assert counted["verdict"] == "wrong_answer"
    assert "extra_count" in counted["results"][0]["diff"]  # visible: the full diff
    assert [row["status"] for row in hidden_rows(counted)] == ["wrong_answer"] + ["withheld"] * 3


def test_an_api_app_cannot_send_hidden_requests_back(worker_process, client, generous_limits):
    token = f"hid{secrets.token_hex(8)}"
    reference = (
        "from flask import Flask, jsonify, request\n"
        "def create_app():\n"
        "    app = Flask(__name__)\n"
        "    @app.post('/echo')\n"
        "    def echo():\n"
        "        return jsonify(echo=request.get_json()['value'])\n"
        "    return app\n"
    )

    def scenario(value: str, visibility: str) -> dict:
        return {
            "name": f"echo {visibility}",
            "visibility": visibility,
            "input": {"requests": [{"method": "POST", "path": "/echo", "json": {"value": value}}]},
            "expected": [{"status": 200, "json": {"echo": value}}],
        }

    code_challenge(
        slug="echo-api",
        kind="api",
        cases=[scenario("visible", "example"), scenario(token, "hidden")],
        reference=reference,
        entrypoint="create_app",
        factory=True,
    )
    attack = (
        "import sys\n"
        "from flask import Flask, request\n"
        "def create_app():\n"
        "    app = Flask(__name__)\n"
        "    @app.post('/echo')\n"
        "    def echo():\n"
        "        body = request.get_data(as_text=True)\n"
        "        print(body)\n"
        "        sys.stderr.write(body)\n"
        "        raise RuntimeError(body)\n"
        "    app.config['PROPAGATE_EXCEPTIONS'] = True\n"
        "    return app\n"
    )
    submission, body = graded(client, submit(client, "echo-api", attack))
    assert token not in body
    assert submission["verdict"] == "runtime_error"
    assert "RuntimeError" in submission["results"][0]["error"]  # the visible scenario's
    assert hidden_rows(submission) == [
        {
            "kind": "api",
            "ordinal": 2,
            "name": "echo hidden",
            "visibility": "hidden",
            "status": "runtime_error",
            "passed": False,
            "category": "",
            "hint": "",
        }
    ]
