"""Attacks on the API and SQL format features: DML that tries to leave its rows (ATTACH,
PRAGMA, schema changes, triggers, its own transactions, SQLite's tables, a recursive bomb),
seed data that is deep or huge, and hidden seed data or check queries trying to come back."""

import json
import secrets
from pathlib import Path

import pytest
from rest_framework.test import APIClient

from challenges import kinds
from challenges.packages import read_package
from challenges.services import challenge_import_package
from tests.factories import UserFactory
from tests.runner.sandbox_checks import assert_host_unharmed
from tests.security.grading import HIDDEN_ROW_KEYS, code_challenge, graded, hidden_rows, submit

PACKAGES = Path(__file__).parent.parent / "challenges" / "packages"


def grade(version, code):
    return kinds.grade(version=version, code=code, cases=version.cases.order_by("ordinal"))


@pytest.fixture
def payouts(db):
    return challenge_import_package(package=read_package(PACKAGES / "payout-batch")).version


@pytest.mark.docker
@pytest.mark.parametrize(
    ("statements", "verdict", "error"),
    [
        (
            "ATTACH DATABASE '/tmp/x.db' AS x; UPDATE accounts SET balance_cents = 0",
            "runtime_error",
            "statement 1: DatabaseError: not authorized",
        ),
        (
            "PRAGMA writable_schema = 1; UPDATE sqlite_master SET sql = ''",
            "runtime_error",
            "statement 1: DatabaseError: not authorized",
        ),
        (
            "UPDATE accounts SET balance_cents = 0; DELETE FROM sqlite_master",
            "runtime_error",
            "statement 2: OperationalError: table sqlite_master may not be modified",
        ),
        ("DROP TABLE payouts", "runtime_error", "statement 1: DatabaseError: not authorized"),
        (
            "ALTER TABLE accounts ADD COLUMN owner TEXT",
            "runtime_error",
            "statement 1: DatabaseError: not authorized",
        ),
        (
            "CREATE TEMP TABLE t (a); INSERT INTO t VALUES (1)",
            "runtime_error",
            "statement 1: DatabaseError: not authorized",
        ),
        (
            "CREATE TEMP VIEW accounts AS SELECT 1 AS id, 500 AS balance_cents",
            "runtime_error",
            "statement 1: DatabaseError: not authorized",
        ),
        (
            "COMMIT; UPDATE accounts SET balance_cents = 0",
            "runtime_error",
            "statement 1: DatabaseError: not authorized",
        ),
        (
            "SAVEPOINT mine; UPDATE accounts SET balance_cents = 0",
            "runtime_error",
            "statement 1: DatabaseError: not authorized",
        ),
        (
            "UPDATE accounts SET balance_cents = length(load_extension('/tmp/evil.so'))",
            "runtime_error",
            "statement 1: OperationalError: not authorized to use function: load_extension",
        ),
        # A trigger's body holds ";": split there, its first part is never a whole statement.
        (
            "CREATE TRIGGER t AFTER UPDATE ON accounts BEGIN DELETE FROM payouts; END;"
            "UPDATE accounts SET balance_cents = 0",
            "syntax_error",
            "",
        ),
    ],
)
def test_dml_can_only_write_rows(payouts, statements, verdict, error):
    result = grade(payouts, statements)
    assert result.verdict == verdict
    if error:
        assert result.cases[0]["error"] == error


@pytest.mark.docker
def test_a_recursive_bomb_in_a_dml_statement_is_stopped(payouts):
    bomb = (
        "INSERT INTO accounts (balance_cents) "
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT i FROM n"
    )
    result = grade(payouts, bomb)
    assert result.verdict in {"time_limit", "runtime_error"}
    assert result.cases[0]["status"] in {"time_limit", "runtime_error"}
    assert_host_unharmed()


def nested(depth: int):
    value: object = 1
    for _ in range(depth):
        value = {"k": value}
    return value


@pytest.mark.parametrize(
    ("setup", "problem"),
    [
        (nested(40), "cases.json: case 2: setup is nested more than 16 levels"),
        (
            {"blob": "x" * 300_000},
            "cases.json: case 2: setup is 300012 bytes as JSON; the limit is 262144",
        ),
        ({"rows": [[0] * 10] * 20_000}, "cases.json: case 2: setup is 640010 bytes as JSON"),
    ],
)
def test_deep_or_huge_setup_data_is_refused_by_the_authoring_api(author, setup, problem):
    content = {**read_package(PACKAGES / "seeded-wallets").content(), "slug": "acme_wallets"}
    content["cases"][1]["input"]["setup"] = setup
    response = author.post(
        "/api/authoring/challenges/",
        {"organisation": "acme", "package": content},
        format="json",
    )
    assert response.status_code == 400, response.content
    assert problem in json.dumps(response.json())


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
    api.force_authenticate(UserFactory(username="eve"))
    return api


@pytest.mark.docker
def test_hidden_seed_data_never_comes_back(worker_process, client, generous_limits):
    token = f"seed{secrets.token_hex(8)}"
    reference = (
        "from flask import Flask, jsonify\n"
        "def create_app(seed):\n"
        "    app = Flask(__name__)\n"
        "    @app.get('/count')\n"
        "    def count():\n"
        "        return jsonify(count=len(seed['names']))\n"
        "    return app\n"
    )

    def scenario(names: list[str], visibility: str) -> dict:
        return {
            "name": f"count {visibility}",
            "visibility": visibility,
            "input": {"setup": {"names": names}, "requests": [{"path": "/count"}]},
            "expected": [{"status": 200, "json": {"count": len(names)}}],
        }

    code_challenge(
        slug="seed-count",
        kind="api",
        cases=[scenario(["visible"], "example"), scenario([token, token], "hidden")],
        reference=reference,
        entrypoint="create_app",
        factory=True,
        setup="factory-argument",
    )
    attacks = [
        # Raise with the seed in the message, print it, answer it: every way out.
        reference.replace("len(seed['names'])", "seed['names']").replace(
            "    app = Flask", "    print(seed)\n    app = Flask"
        ),
        reference.replace("    app = Flask", "    raise ValueError(repr(seed))\n    app = Flask"),
    ]
    for attack in attacks:
        submission, body = graded(client, submit(client, "seed-count", attack))
        assert submission["verdict"] != "accepted"
        assert token not in body
        for row in hidden_rows(submission):
            assert set(row) == HIDDEN_ROW_KEYS


@pytest.mark.docker
def test_a_hidden_check_query_and_its_errors_never_come_back(
    worker_process, client, generous_limits
):
    challenge_import_package(package=read_package(PACKAGES / "payout-batch"), publish=True)
    hidden_check = "SELECT id, state FROM payouts"
    # Fails on the hidden data only (account 7 exists there), with the rows in the error text.
    leak = (
        "UPDATE accounts SET balance_cents = json_extract('{}', char(10) || "
        "(SELECT group_concat(id || ':' || state) FROM payouts)) WHERE id = 7"
    )
    submission, body = graded(client, submit(client, "payout-batch", leak))
    assert submission["verdict"] == "wrong_answer"  # the example: nothing was paid out
    assert hidden_rows(submission)[0]["status"] == "runtime_error"
    assert hidden_check not in body
    assert "11:pending" not in body
    for row in hidden_rows(submission):
        assert set(row) == HIDDEN_ROW_KEYS
