"""A schema challenge through the HTTP API, graded by a real worker process."""

from pathlib import Path

import pytest
from rest_framework.test import APIClient

from challenges.packages import read_package
from challenges.services import challenge_import_package
from tests.factories import UserFactory
from tests.security.grading import HIDDEN_ROW_KEYS, graded, hidden_rows, submit

pytestmark = pytest.mark.docker

PACKAGE = Path(__file__).parents[2] / "challenges" / "packages" / "coupon-redemptions"


@pytest.fixture
def client(transactional_db) -> APIClient:
    challenge_import_package(package=read_package(PACKAGE))
    client = APIClient()
    client.force_authenticate(UserFactory(username="schema-candidate"))
    return client


def test_a_schema_is_run_then_submitted_through_the_api(worker_process, client):
    detail = client.get("/api/challenges/coupon-redemptions/").json()
    assert detail["kind"] == "schema"
    starter = detail["starter_code"]

    # Run: the visible example only, every step with what happened.
    run, _ = graded(client, submit(client, "coupon-redemptions", starter, mode="run"))
    assert run["verdict"] == "wrong_answer"
    (example,) = run["results"]
    assert example["kind"] == "schema"
    assert [(step["type"], step["passed"], step["detail"]) for step in example["steps"]] == [
        ("accept", True, "accepted"),
        ("accept", True, "accepted"),
        ("reject", False, "accepted, but it must be refused"),
        ("query", True, ""),
    ]

    # Submit without the index: the hidden plan check fails, and says only its hint.
    solution = (PACKAGE / "solution.sql").read_text()
    no_index = "\n".join(
        line for line in solution.splitlines() if not line.startswith("CREATE INDEX")
    )
    wrong, raw = graded(client, submit(client, "coupon-redemptions", no_index))
    assert (wrong["verdict"], wrong["score"], wrong["passed"]) == ("wrong_answer", 0.75, False)
    failing = [row for row in hidden_rows(wrong) if not row["passed"]]
    assert failing == [
        {
            "kind": "schema",
            "ordinal": 4,
            "name": "lookup by coupon",
            "visibility": "hidden",
            "status": "wrong_answer",
            "passed": False,
            "category": "index",
            "hint": "Index the column the lookup filters on.",
        }
    ]
    assert all(set(row) == HIDDEN_ROW_KEYS for row in hidden_rows(wrong))
    # Nothing of the hidden steps (their SQL, the plan) comes back.
    assert "redemptions_coupon" not in raw
    assert "SCAN" not in raw
    assert "'NOPE'" not in raw

    accepted, _ = graded(client, submit(client, "coupon-redemptions", solution))
    assert (accepted["verdict"], accepted["score"], accepted["passed"]) == ("accepted", 1.0, True)
