"""Probing the hidden cases for their answers, through the HTTP API with a real worker.

The attack (issue 10): on a challenge whose answers are booleans, submits that each return one
constant show, through per-case pass/fail, which hidden case expects which value; a last submit
returns a lookup table indexed by a call counter and is Accepted without solving anything.
Defences (docs/runner.md, "Probing"): hidden cases run in a fresh random order, and outcomes
after the first failing hidden case are withheld.
"""

from __future__ import annotations

import random

import pytest
from rest_framework.test import APIClient

from tests.factories import UserFactory
from tests.security.grading import code_challenge, graded, hidden_rows, submit

pytestmark = pytest.mark.docker

HIDDEN = 20


@pytest.fixture
def flags(transactional_db):
    """`flagged(n)`: answers with no pattern to find (10 True, 10 False, shuffled)."""
    answers = [True] * (HIDDEN // 2) + [False] * (HIDDEN // 2)
    random.Random(20261129).shuffle(answers)
    table = {str(n): answer for n, answer in enumerate(answers)}
    cases = [
        {"name": "example", "visibility": "example", "input": {"args": [100]}, "expected": True},
        *(
            {"name": f"account {n}", "visibility": "hidden", "input": {"args": [n]}, "expected": a}
            for n, a in enumerate(answers)
        ),
    ]
    code_challenge(
        slug="flagged",
        cases=cases,
        reference=f"TABLE = {table!r}\ndef flagged(n):\n    return n == 100 or TABLE[str(n)]\n",
        entrypoint="flagged",
    )
    return answers


def test_constant_probes_then_a_counter_lookup_table_are_not_accepted(
    worker_process, flags, settings
):
    settings.SUBMISSIONS = {**settings.SUBMISSIONS, "MAX_IN_FLIGHT_PER_USER": 10}
    client = APIClient()
    client.force_authenticate(UserFactory(username="prober"))
    probes = [
        "def flagged(n):\n    return True\n",
        "def flagged(n):\n    return False\n",
        "def flagged(n):\n    return n == 100 or n % 2 == 0\n",
    ]
    learned: dict[int, bool] = {}
    for code in probes:
        submission, _ = graded(client, submit(client, "flagged", code))
        rows = hidden_rows(submission)
        statuses = [row["status"] for row in rows]
        # Only the hidden cases up to the first failing one say anything.
        first_failure = next(i for i, s in enumerate(statuses) if s != "passed")
        assert statuses[first_failure] == "wrong_answer"
        assert statuses[first_failure + 1 :] == ["withheld"] * (HIDDEN - first_failure - 1)
        assert all(row["passed"] is None for row in rows[first_failure + 1 :])
        # The attacker learns what they can: every case a row says passed or failed.
        namespace: dict = {}
        exec(code, namespace)  # noqa: S102 (the test's own probe code)
        for index, row in enumerate(rows[: first_failure + 1]):
            answer = namespace["flagged"](index)
            learned[index] = answer if row["passed"] else not answer
    table = [learned.get(index, True) for index in range(HIDDEN)]
    lookup = (
        f"TABLE = {table!r}\n"
        "calls = [0]\n"
        "def flagged(n):\n"
        "    if n == 100:\n"
        "        return True\n"
        "    calls[0] += 1\n"
        "    return TABLE[calls[0] - 1]\n"
    )
    submission, _ = graded(client, submit(client, "flagged", lookup))
    # Hidden cases come in a fresh random order: a counter says nothing about which case runs.
    # (Accepted by chance needs this order among C(20, 10) = 184,756 arrangements.)
    assert submission["verdict"] == "wrong_answer"
    assert submission["score"] < 1.0
