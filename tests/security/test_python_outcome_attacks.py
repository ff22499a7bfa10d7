"""Attacks on expected exceptions and attribute reads in Python cases.

Hostile exceptions (a `__str__` that raises or never returns, a metaclass that lies about the
class's name, a huge message, a property that raises SystemExit) end in a verdict for their
own case, never a stuck or crashed run; nothing a hidden case raised comes back to the
candidate; hostile ops and `$raises` in a package are problems naming file and case.
"""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from rest_framework.test import APIClient

from challenges import kinds
from challenges.models import Challenge
from challenges.packages import read_package
from tests.factories import UserFactory
from tests.security.grading import graded, hidden_rows, submit

CATALOGUE = Path(settings.BASE_DIR) / "challenges" / "catalogue"
WALLET = Path(settings.BASE_DIR) / "tests" / "challenges" / "packages" / "wallet-holds"


def post(client: APIClient, content: dict):
    return client.post(
        "/api/authoring/challenges/", {"organisation": "acme", "package": content}, format="json"
    )


def class_package(cases: list[dict]) -> dict:
    content = read_package(CATALOGUE / "token-bucket-rate-limiter").content()
    return {**content, "slug": "acme_bucket", "cases": cases}


def case(ops, expected, **extra) -> dict:
    return {"name": "c", "visibility": "example", "input": {"ops": ops}, "expected": expected} | (
        extra
    )


@pytest.mark.parametrize(
    ("bad", "problem"),
    [
        (case([{"args": []}, "refill"], [None, 1]), 'op 2: an op is an object ({"method"'),
        (
            case([{"args": []}, {"method": "take", "eval": "1"}], [None, 1]),
            "op 2: unknown keys ['eval'] (method, args, kwargs; or attr alone)",
        ),
        (
            case([{"args": []}, {"method": "__class__.__init__"}], [None, 1]),
            "op 2: method must be a method's name (an identifier)",
        ),
        (
            case([{"args": []}, {"attr": "tokens", "args": [1]}], [None, 1]),
            'op 2: an attribute read is {"attr": "name"} alone',
        ),
        (
            case([{"args": []}, {"method": "take"}], [None, {"$raises": {"type": "os.system"}}]),
            "expected: op 2: $raises type must be an exception class's name (an identifier)",
        ),
        (
            case([{"args": []}, {"method": "take"}], [None, {"$raises": {"type": "E" * 201}}]),
            "expected: op 2: $raises type must be an exception class's name (an identifier)",
        ),
        (
            case(
                [{"args": []}, {"method": "take"}],
                [None, {"$raises": {"type": "E", "message": {"$regex": "(a+)+" * 200}}}],
            ),
            "expected: op 2: $raises message: $: a $regex pattern is at most 500 characters",
        ),
        (
            case([{"args": []}, {"method": "take"}], [None, {"$eval": "1"}]),
            "expected: op 2: $: unknown matcher '$eval'",
        ),
    ],
)
def test_hostile_ops_and_raises_are_problems_naming_file_and_case(author, bad, problem):
    response = post(author, class_package([bad]))
    assert response.status_code == 400, response.content
    problems = response.json()["package"]
    assert any(p.startswith(f"cases.json: case 1: {problem}") for p in problems), problems
    assert not Challenge.objects.filter(slug="acme_bucket").exists()


HOSTILE = {
    # An exception whose message can't be read: it raises SystemExit from __str__.
    "str raises": (
        "class Refused(Exception):\n    def __str__(self):\n        raise SystemExit('no')\n",
        "raise Refused()",
    ),
    # A metaclass that lies about the class's name and invents an MRO.
    "lying class": (
        "class Meta(type):\n"
        "    @property\n    def __name__(cls):\n        return 'InsufficientFunds'\n"
        "    def mro(cls):\n        return [cls, ValueError, Exception, BaseException, object]\n"
        "class Sneaky(Exception, metaclass=Meta):\n    pass\n",
        "raise Sneaky('available 300 < 400')",
    ),
    # A message far over the cap, made of a str subclass that fights slicing.
    "huge message": (
        "class Text(str):\n"
        "    def __getitem__(self, key):\n        raise SystemExit('no slicing')\n"
        "class Loud(Exception):\n"
        "    def __str__(self):\n        return Text('x' * 5_000_000)\n",
        "raise Loud()",
    ),
}


@pytest.fixture
def wallet(db):
    call_command("loadchallenges", str(WALLET), stdout=StringIO())
    return Challenge.objects.get(slug="wallet-holds").current_version


def grade(version, code):
    return kinds.grade(
        version=version, code=code, cases=version.cases.order_by("ordinal"), audience="author"
    )


def overdraft_raises(version, prelude: str, statement: str) -> str:
    code = version.reference_solution.replace(
        'raise InsufficientFunds(f"available {self.available} < {amount}")', statement
    )
    return prelude + code


@pytest.mark.docker
@pytest.mark.parametrize("attack", sorted(HOSTILE))
def test_hostile_exceptions_are_data_with_real_names_and_capped_messages(wallet, attack):
    prelude, statement = HOSTILE[attack]
    result = grade(wallet, overdraft_raises(wallet, prelude, statement))
    raised = result.cases[0]["actual"][3]["__raised__"]
    assert result.cases[0]["status"] == "wrong_answer"
    assert raised["type"] == {"str raises": "Refused", "lying class": "Sneaky"}.get(attack, "Loud")
    assert "InsufficientFunds" not in raised["mro"]
    if attack == "str raises":
        assert raised["message"] == "(the exception's message could not be read)"
    if attack == "huge message":
        assert raised["message"] == "x" * 1000
    # The object kept working after the raise: the next op read the balance.
    assert result.cases[0]["actual"][4] == 300


@pytest.mark.docker
def test_a_message_that_never_ends_times_out_its_case_only(wallet):
    prelude = (
        "class Slow(Exception):\n    def __str__(self):\n        while True:\n            pass\n"
    )
    code = prelude + wallet.reference_solution.replace(
        "        return self.holds.pop(ref)\n",
        "        if ref == 'b':\n            raise Slow()\n        return self.holds.pop(ref)\n",
    )
    result = grade(wallet, code)
    assert [row["status"] for row in result.cases] == [
        "passed",
        "passed",
        "time_limit",
        "passed",
        "passed",
    ]


@pytest.mark.docker
def test_a_property_that_raises_system_exit_fails_its_case(wallet):
    code = wallet.reference_solution.replace(
        "    def available(self):\n",
        "    def available(self):\n        if not self.holds:\n            raise SystemExit(0)\n",
    )
    result = grade(wallet, code)
    assert result.cases[1]["status"] == "passed"  # the constructor raises first: no read
    # A hidden case: even its author sees only the status word (the facade keeps no text).
    assert result.cases[4]["status"] == "runtime_error"


@pytest.mark.docker
def test_nothing_a_hidden_case_raised_comes_back(worker_process):
    """Hidden cases raise messages made of their inputs, where a raise is expected and where
    it isn't: the candidate sees status words and hints, never the messages."""
    call_command("loadchallenges", str(WALLET), stdout=StringIO())
    code = (
        (WALLET / "solution.py")
        .read_text()
        .replace(
            'raise InsufficientFunds(f"available {self.available} < {amount}")',
            "raise InsufficientFunds(f'leak-{ref}-{amount}-{self.balance}')",
        )
        .replace(
            "        return self.holds.pop(ref)\n",
            "        raise RuntimeError(f'leak-{ref}-{self.balance}-{sorted(self.holds)}')\n",
        )
    )
    client = APIClient()
    client.force_authenticate(UserFactory(username="mallory"))
    submission, _ = graded(client, submit(client, "wallet-holds", code))
    assert submission["verdict"] in ("wrong_answer", "runtime_error")
    for row in hidden_rows(submission):
        assert set(row) <= {
            "kind", "ordinal", "name", "visibility", "status", "passed", "category", "hint"
        }  # fmt: skip
        assert row["kind"] == "python"
    # The example's own raise is visible (its data is the candidate's to see); no other is.
    shown = json.dumps({key: value for key, value in submission.items() if key != "code"})
    assert shown.count("leak-") == 1
    assert "leak-b-400-500" in shown
