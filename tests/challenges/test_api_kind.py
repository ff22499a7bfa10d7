"""API challenges end to end in the sandbox: scenarios, references between steps, feedback."""

from pathlib import Path

import pytest

from challenges import kinds
from challenges.packages import read_package
from challenges.services import challenge_import_package

PACKAGE = Path(__file__).parent / "packages" / "stock-reservations"

pytestmark = pytest.mark.docker


@pytest.fixture
def reservations(db):
    return challenge_import_package(package=read_package(PACKAGE)).version


def grade(version, code):
    return kinds.grade(version=version, code=code, cases=version.cases.order_by("ordinal"))


def test_reference_passes_and_state_is_fresh_per_scenario(reservations):
    result = grade(reservations, reservations.reference_solution)
    assert result.verdict == "accepted"
    assert [row["passed"] for row in result.cases] == [True, True, True, True]


def test_visible_failure_shows_requests_and_both_responses(reservations):
    result = grade(reservations, reservations.starter_code)
    example = result.cases[0]
    assert example["status"] == "wrong_answer"
    assert example["mismatch"] == {"step": 0, "detail": "status: expected 201, got 200"}
    assert example["input"]["requests"][0]["json"] == {"sku": "MUG", "quantity": 7}
    assert example["actual"][0]["status"] == 200
    assert example["actual"][0]["json"] == {"id": 1}


def test_hidden_failure_shows_its_name_category_hint_and_verdict_only(reservations):
    oversell = next(m for m in reservations.mutants if m["name"] == "oversell")
    result = grade(reservations, oversell["code"])
    hidden = result.cases[1]
    # Which step failed, or in which part, is derived from what the code answered: not shown.
    assert hidden == {
        "kind": "api",
        "ordinal": 2,
        "name": hidden["name"],
        "visibility": "hidden",
        "status": "wrong_answer",
        "passed": False,
        "category": hidden["category"],
        "hint": "Reserving all remaining units is allowed; one more is not.",
    }


def test_responses_can_feed_later_requests(reservations, settings):
    code = (
        "from flask import Flask, jsonify\n"
        "app = Flask(__name__)\n"
        "@app.get('/echo/<value>')\n"
        "def echo(value):\n"
        "    return jsonify(value=value, next=str(int(value) + 1)), 200, {'ETag': 'v' + value}\n"
    )
    version = reservations
    version.config = {"entrypoint": "app", "factory": False, "time_limit_s": 2}
    case = version.cases.get(ordinal=1)
    case.input = {
        "requests": [
            {"path": "/echo/1"},
            {"path": "/echo/{{0.json.next}}", "headers": {"If-None-Match": "{{0.headers.etag}}"}},
        ]
    }
    case.expected = [{"json": {"value": "1"}}, {"headers": {"ETag": "v2"}, "json": {"next": "3"}}]
    result = kinds.grade(version=version, code=code, cases=[case])
    assert result.verdict == "accepted", result.cases


def test_an_exception_in_a_handler_is_a_500_response_not_a_crash(reservations):
    code = reservations.reference_solution.replace(
        "available = stock.setdefault",
        "raise RuntimeError('db down')\n        available = stock.setdefault",
    )
    result = grade(reservations, code)
    assert result.verdict == "wrong_answer"
    assert result.cases[0]["mismatch"] == {"step": 0, "detail": "status: expected 201, got 500"}
