"""Attacks through a custom run's input ("run with my input"): Python text that tries to run
code or exhaust the parser, SQL that tries to leave its copy of the example data, and a
reference solution whose output, errors or code must not come back (docs/runner.md).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from rest_framework.test import APIClient

from challenges.kinds import custom_runs
from challenges.kinds import sql as sql_kind
from challenges.packages import read_package
from challenges.services import challenge_import_package
from runner.facade import CaseOutput, RunResult, Status
from submissions.models import Submission
from tests.factories import UserFactory
from tests.security.grading import code_challenge, graded

PACKAGES = Path(__file__).parent.parent / "challenges" / "packages"
# late-orders' hidden dataset (hidden/ties.sql): its rows must never be in a custom run.
HIDDEN_DATES = ("2026-02-03", "2026-02-04", "2026-02-10")


@pytest.fixture
def client(db) -> APIClient:
    api = APIClient()
    api.force_authenticate(UserFactory(username="mallory"))
    return api


@pytest.fixture
def order_total_custom(order_total):
    return order_total


@pytest.fixture
def late_orders(db):
    return challenge_import_package(package=read_package(PACKAGES / "late-orders")).challenge


def custom(client: APIClient, slug: str, code: str, text: str):
    return client.post(
        "/api/submissions/",
        {"challenge": slug, "mode": "custom", "code": code, "custom_input": text},
        format="json",
    )


# Python input: nothing is evaluated, and nothing absurd is even parsed -------------------


@pytest.mark.parametrize(
    "text",
    [
        "__import__('os').system('id')",
        "().__class__.__bases__[0].__subclasses__()",
        "open('/etc/passwd').read()",
        "lambda: 0",
        "[x for x in range(10)]",
        "f\"{__import__('os').getcwd()}\"",
        "print",
        "True.real",
        "(x := 1)",
        "1 if True else 2",
        "{**{}}",
        "[*range(3)]",
        "globals()",
        "1)\nimport os\n_(2",
        "1), __import__('os'",
        "items=[1], **{'coupon': 1}",
        "[1] * 10**9",
        "'a' * 10**9",
        "10**10**10",
        "-(10**10**10)",
        "9" * 5000,
        "1e309",
        "b'\\x00'",
        "{[1]: 2}",
    ],
)
def test_python_input_that_would_run_or_build_anything_is_refused(client, order_total_custom, text):
    started = time.monotonic()
    response = custom(client, "order-total", "def order_total(items, coupon=None): pass", text)
    assert response.status_code == 400, response.content
    assert list(response.json()) == ["custom_input"]
    # Refused by reading, never by computing: a power tower answers as fast as a typo.
    assert time.monotonic() - started < 2
    assert not Submission.objects.exists()


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("[" * 5_000 + "]" * 5_000, "line 1, column 200: too many nested parentheses"),
        ('{"a": ' * 40 + "1" + "}" * 40, "line 1, column 193: nested more than 32 levels deep"),
        ("[" * 20_001, "the input is 20001 bytes; the limit is 20000 bytes"),
        ("'" + "x" * 20_000 + "'", "the input is 20002 bytes; the limit is 20000 bytes"),
        ("1\x00", "Null characters are not allowed."),
    ],
)
def test_deep_or_huge_python_input_is_refused_with_a_reason(
    client, order_total_custom, text, error
):
    response = custom(client, "order-total", "def order_total(items, coupon=None): pass", text)
    assert response.status_code == 400
    assert response.json() == {"custom_input": [error]}


# SQL input: writes on a copy of the visible example's data, nothing else -------------------


@pytest.mark.parametrize(
    "text",
    [
        "ATTACH DATABASE '/tmp/x.db' AS x",
        "PRAGMA writable_schema = 1",
        "INSERT INTO orders VALUES (9, '2026-01-01', NULL); ATTACH ':memory:' AS y",
        "CREATE TABLE loot AS SELECT * FROM orders",
        "DROP TABLE orders",
        "SELECT load_extension('/tmp/evil')",
        "VACUUM INTO '/tmp/copy.db'",
        "DETACH DATABASE main",
        "/* INSERT */ PRAGMA table_info(orders)",
    ],
)
def test_sql_input_other_than_row_writes_is_refused_at_the_door(client, late_orders, text):
    response = custom(client, "late-orders", "SELECT id FROM orders", text)
    assert response.status_code == 400, response.content
    assert "your input may only change the example's rows" in response.json()["custom_input"][0]


def test_only_the_visible_dataset_and_no_expected_value_enter_the_sandbox(late_orders, monkeypatch):
    """What crosses the boundary, recorded at the facade: the example's schema and data, the
    candidate's statements, the candidate's query and (as a hidden case) the reference."""
    sent = []

    def fake_run(spec):
        sent.append(spec)
        table = {"columns": ["id"], "rows": [[1]]}
        return RunResult(
            status=Status.OK, cases=(CaseOutput(id="custom", status="ok", actual=table),)
        )

    monkeypatch.setattr(custom_runs, "run", fake_run)
    version = late_orders.current_version
    sql_kind.grade_custom(version=version, code="SELECT id FROM orders", statements="")
    assert [spec.source for spec in sent] == ["SELECT id FROM orders", version.reference_solution]
    assert [case.hidden for spec in sent for case in spec.cases] == [False, True]
    assert all(spec.redact_hidden for spec in sent)
    for spec in sent:
        (case,) = spec.cases
        assert case.input == {
            "schema": version.assets["dataset/schema.sql"],
            "data": version.assets["dataset/seed.sql"],
            "setup": "",
        }
        text = repr(spec)
        assert not any(date in text for date in HIDDEN_DATES)
        # No expected table of any case goes in either.
        assert "days_late" not in repr(case.input)


@pytest.mark.docker
@pytest.mark.parametrize(
    ("statements", "error"),
    [
        (
            "ATTACH DATABASE ':memory:' AS x",
            "your input, statement 1: DatabaseError: not authorized",
        ),
        ("PRAGMA writable_schema = 1", "your input, statement 1: DatabaseError: not authorized"),
        ("CREATE TABLE loot (x)", "your input, statement 1: DatabaseError: not authorized"),
        (
            "INSERT INTO sqlite_schema VALUES ('table', 'x', 'x', 0, '')",
            "your input, statement 1: DatabaseError: not authorized",
        ),
        (
            "INSERT INTO orders SELECT 9, load_extension('/tmp/evil'), NULL",
            "your input, statement 1: OperationalError: not authorized to use function: "
            "load_extension",
        ),
    ],
)
def test_the_sandbox_refuses_what_slipped_past_the_door(late_orders, statements, error):
    """The lexical check is a courtesy; the sandbox's authorizer is the guard. Statements that
    never passed clean_custom_statements are sent straight to the sandbox here."""
    grade = sql_kind.grade_custom(
        version=late_orders.current_version, code="SELECT id FROM orders", statements=statements
    )
    (row,) = grade.cases
    assert (grade.verdict, row["status"], row["error"]) == ("runtime_error", "runtime_error", error)


@pytest.mark.docker
def test_a_custom_run_reads_only_its_copy_of_the_example_data(
    worker_process, transactional_db, settings
):
    settings.SUBMISSIONS = {**settings.SUBMISSIONS, "MAX_IN_FLIGHT_PER_USER": 50}
    challenge_import_package(package=read_package(PACKAGES / "late-orders"))
    api = APIClient()
    api.force_authenticate(UserFactory(username="mallory"))
    response = custom(
        api,
        "late-orders",
        "SELECT * FROM orders",
        "DELETE FROM orders WHERE id = 1; UPDATE orders SET shipped_on = placed_on",
    )
    assert response.status_code == 201, response.content
    body, raw = graded(api, response.json()["id"])
    (row,) = body["results"]
    assert [line[0] for line in row["actual"]["rows"]] == [2, 3, 4]
    assert not any(date in raw for date in HIDDEN_DATES)
    # The next run starts from the example data again: the copy was thrown away.
    again = custom(api, "late-orders", "SELECT count(*) AS n FROM orders", "")
    body, _ = graded(api, again.json()["id"])
    assert body["results"][0]["actual"] == {"columns": ["n"], "rows": [[4]]}


# The reference solution: its output on the candidate's input, and nothing else --------------

REFERENCE = """# REFERENCE-CODE-TOKEN
import sys


def shout(key):
    print("REFERENCE-PRINTED-TOKEN")
    print("REFERENCE-STDERR-TOKEN", file=sys.stderr)
    if key == "boom":
        return 1 // 0  # REFERENCE-TRACEBACK-TOKEN
    if key == "loop":
        while True:
            pass
    return key.upper()
"""


@pytest.mark.docker
def test_the_reference_gives_its_value_and_nothing_it_printed_raised_or_was(
    worker_process, transactional_db, settings
):
    settings.SUBMISSIONS = {**settings.SUBMISSIONS, "MAX_IN_FLIGHT_PER_USER": 50}
    code_challenge(
        slug="shout-custom",
        cases=[
            {"name": "one", "visibility": "example", "input": {"args": ["a"]}, "expected": "A"},
            {"name": "two", "visibility": "hidden", "input": {"args": ["b"]}, "expected": "B"},
        ],
        reference=REFERENCE,
        entrypoint="shout",
    )
    api = APIClient()
    api.force_authenticate(UserFactory(username="mallory"))
    mine = "def shout(key):\n    print('mine printed')\n    return key.upper()\n"
    outcomes = {}
    for text in ("'hello'", "'boom'", "'loop'"):
        response = custom(api, "shout-custom", mine, text)
        assert response.status_code == 201, response.content
        body, raw = graded(api, response.json()["id"])
        assert "REFERENCE-" not in raw
        (row,) = body["results"]
        # The candidate's own run shows what it printed: their code, their input.
        assert row["output"] == "mine printed\n"
        outcomes[text] = (body["verdict"], row["reference_status"], row["expected"])
    assert outcomes["'hello'"] == ("accepted", "ok", "HELLO")
    # The reference's exception is its outcome on this input (type and message), no traceback.
    verdict, status, expected = outcomes["'boom'"]
    assert (verdict, status) == ("wrong_answer", "ok")
    assert expected["__raised__"]["type"] == "ZeroDivisionError"
    assert expected["__raised__"]["message"] == "integer division or modulo by zero"
    assert outcomes["'loop'"] == ("wrong_answer", "time_limit", None)
