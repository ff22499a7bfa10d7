"""Python cases in the sandbox: expected exceptions, "don't care" ops and attribute reads,
through `loadchallenges` and `validatechallenges` and the grading a candidate sees."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from challenges import kinds
from challenges.models import Challenge

PACKAGE = Path(__file__).parent / "packages" / "wallet-holds"

pytestmark = pytest.mark.docker


@pytest.fixture
def wallet(db):
    call_command("loadchallenges", str(PACKAGE), stdout=StringIO())
    return Challenge.objects.get(slug="wallet-holds").current_version


def grade(version, code):
    return kinds.grade(version=version, code=code, cases=version.cases.order_by("ordinal"))


def test_the_package_validates_in_the_sandbox(wallet):
    out = StringIO()
    call_command("validatechallenges", "wallet-holds", stdout=out)
    assert out.getvalue().startswith("ok   wallet-holds"), out.getvalue()
    assert "mutants killed 3/3" in out.getvalue()


def test_an_expected_raise_passes_and_the_object_keeps_working(wallet):
    result = grade(wallet, wallet.reference_solution)
    assert result.verdict == "accepted"
    example = result.cases[0]
    assert example["error"] == ""
    assert example["actual"][3] == {
        "__raised__": {
            "type": "InsufficientFunds",
            "mro": ["InsufficientFunds", "ValueError", "Exception", "BaseException"],
            "message": "available 300 < 400",
        }
    }
    assert example["actual"][4] == 300


def test_a_raise_where_a_value_is_expected_is_a_runtime_error_naming_the_op(wallet):
    code = wallet.reference_solution.replace(
        "return self.available\n", "raise RuntimeError('ledger offline')\n", 1
    )
    result = grade(wallet, code)
    example = result.cases[0]
    assert result.verdict == "runtime_error"
    assert example["status"] == "runtime_error"
    assert example["error"].startswith(
        "op 2 (`hold`) raised RuntimeError: ledger offline\n\nop 2: Traceback"
    )


def test_a_wrong_exception_class_is_a_wrong_answer(wallet):
    mutant = next(m for m in wallet.mutants if m["name"] == "plain-value-error")
    result = grade(wallet, mutant["code"])
    assert result.verdict == "wrong_answer"
    assert [row["status"] for row in result.cases[:1]] == ["wrong_answer"]
    assert result.cases[0]["actual"][3]["__raised__"]["type"] == "ValueError"


def test_a_method_where_the_statement_reads_an_attribute_says_so(wallet):
    code = wallet.reference_solution.replace("    @property\n", "")
    result = grade(wallet, code)
    assert result.cases[0]["status"] == "runtime_error"
    assert (
        "`available` is a method (or another callable), read here as an attribute"
        in (result.cases[0]["error"])
    )


def test_a_function_s_expected_raise(db):
    from challenges.packages import package_from_content
    from challenges.services import challenge_import_package

    content = {
        "slug": "parse-amount",
        "title": "Parse an amount",
        "kind": "python",
        "difficulty": "easy",
        "skills": {"python-correctness": 1},
        "context": "",
        "estimated_minutes": 5,
        "statement_md": "Parse it.",
        "starter_code": "def parse(text):\n    return 0\n",
        "reference_solution": (
            "def parse(text):\n"
            "    if not text.isdigit():\n"
            "        raise ValueError(f'not an amount: {text!r}')\n"
            "    return int(text)\n"
        ),
        "config": {"entrypoint": "parse", "time_limit_s": 2},
        "hints": [],
        "editorial_md": "",
        "cases": [
            {"name": "digits", "visibility": "example", "input": {"args": ["12"]}, "expected": 12},
            {
                "name": "letters",
                "visibility": "example",
                "input": {"args": ["1x"]},
                "expected": {
                    "$raises": {"type": "ValueError", "message": {"$regex": "not an amount: .*"}}
                },
            },
        ],
        "mutants": [],
        "assets": {},
    }
    version = challenge_import_package(
        package=package_from_content(Path("parse-amount"), content)
    ).version
    assert grade(version, version.reference_solution).verdict == "accepted"
    wrong = grade(version, "def parse(text):\n    return int(text)\n")
    assert [row["status"] for row in wrong.cases] == ["passed", "wrong_answer"]
    crash = grade(version, "def parse(text):\n    return int(text) + None\n")
    assert crash.cases[0]["status"] == "runtime_error"
    assert crash.cases[0]["error"].startswith(
        "raised TypeError: unsupported operand type(s) for +: 'int' and 'NoneType'\n\nTraceback"
    )
