"""Attack: an author's `$regex` matcher with catastrophic backtracking, against a long response
body, to hold a grading worker for ever. The pattern runs with a timeout: the submission is
graded (a wrong answer) within a bounded time, and the worker goes on grading."""

from __future__ import annotations

import time

import pytest
from rest_framework.test import APIClient

from challenges.packages import package_from_submitted
from challenges.services import challenge_import_package
from tests.factories import UserFactory
from tests.security.grading import graded, submit

pytestmark = pytest.mark.docker

EVIL = "(a+)+$"
APP = """
def app(environ, start_response):
    start_response("200 OK", [("Content-Type", "application/json"), ("X-Echo", {header!r})])
    return [b'{{"v": "' + {body!r}.encode() + b'"}}']
"""


def api_app(body: str) -> str:
    return APP.format(header=body[:2000], body=body)


@pytest.fixture
def redos_challenge(transactional_db):
    expected = [
        {"status": 200, "headers": {"X-Echo": {"$regex": EVIL}}, "json": {"v": {"$regex": EVIL}}}
    ]
    cases = [
        {
            "name": "example",
            "visibility": "example",
            "input": {"requests": [{"path": "/"}]},
            "expected": expected,
        },
        *(
            {
                "name": f"hidden {i}",
                "input": {"requests": [{"path": "/"}, {"path": "/again"}]},
                "expected": expected * 2,
                "category": "matching",
                "hint": "Only a's.",
            }
            for i in range(3)
        ),
    ]
    content = {
        "slug": "evil-regex",
        "title": "Evil regex",
        "kind": "api",
        "difficulty": "easy",
        "skills": {"api-design": 1},
        "context": "",
        "estimated_minutes": 5,
        "statement_md": "Answer a's.",
        "starter_code": "app = None\n",
        "reference_solution": api_app("a" * 50_000),
        "config": {"entrypoint": "app", "time_limit_s": 2},
        "hints": [],
        "editorial_md": "",
        "cases": cases,
        "mutants": [],
        "assets": {},
    }
    # The package path: its matchers are checked at load, and this pattern does compile.
    package = package_from_submitted(content)
    return challenge_import_package(package=package, publish=True).challenge


def test_a_catastrophic_pattern_cannot_hold_the_worker(worker_process, redos_challenge):
    client = APIClient()
    client.force_authenticate(UserFactory(username="mallory"))
    started = time.monotonic()
    submission, _ = graded(client, submit(client, "evil-regex", api_app("a" * 50_000 + "!")))
    elapsed = time.monotonic() - started
    assert submission["verdict"] == "wrong_answer", submission
    (example,) = [row for row in submission["results"] if row["visibility"] == "example"]
    assert example["passed"] is False
    # 4 cases, 7 responses, 2 patterns each: without the timeout this never finishes.
    assert elapsed < 45, elapsed
    # The worker is still grading: the right answer (all a's) matches at once.
    submission, _ = graded(client, submit(client, "evil-regex", api_app("a" * 50_000)))
    assert submission["verdict"] == "accepted", submission
