"""What the grading attack tests share: challenges built from data, and submitting through
the HTTP API then waiting for a real worker to grade."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from rest_framework.test import APIClient

from challenges.models import Challenge
from challenges.packages import package_from_content
from challenges.services import challenge_import_package

# The canonical skill a test challenge of each code kind trains.
PRIMARY_SKILL = {"python": "python-correctness", "api": "api-design"}


def code_challenge(
    *,
    slug: str,
    kind: str = "python",
    cases: list[dict[str, Any]],
    reference: str,
    **config: Any,
) -> Challenge:
    """A published Python or API challenge from plain data (the path a package folder takes)."""
    content = {
        "slug": slug,
        "title": slug.replace("-", " ").capitalize(),
        "kind": kind,
        "difficulty": "easy",
        "skills": {PRIMARY_SKILL[kind]: 1},
        "context": "",
        "estimated_minutes": 10,
        "statement_md": "Solve it.",
        "starter_code": "def nothing():\n    return None\n",
        "reference_solution": reference,
        "config": {"time_limit_s": 2, **config},
        "hints": [],
        "editorial_md": "",
        "cases": cases,
        "mutants": [],
        "assets": {},
    }
    package = package_from_content(Path(slug), content)
    return challenge_import_package(package=package, publish=True).challenge


def submit(client: APIClient, slug: str, code: str, mode: str = "submit") -> int:
    response = client.post(
        "/api/submissions/", {"challenge": slug, "mode": mode, "code": code}, format="json"
    )
    assert response.status_code == 201, response.content
    return response.json()["id"]


def graded(client: APIClient, submission_id: int, timeout: float = 90) -> tuple[dict, str]:
    """(the submission as the API shows it, the raw response body) once it is finished."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        response = client.get(f"/api/submissions/{submission_id}/")
        assert response.status_code == 200, response.content
        body = response.json()
        if body["finished"]:
            return body, response.content.decode()
        time.sleep(0.1)
    raise AssertionError(f"submission {submission_id} was not graded within {timeout} s")


def hidden_rows(submission: dict) -> list[dict]:
    return [row for row in submission["results"] if row["visibility"] == "hidden"]


HIDDEN_ROW_KEYS = {"kind", "ordinal", "name", "visibility", "status", "passed", "category", "hint"}


def dumps(value: Any) -> str:
    return json.dumps(value, sort_keys=True)
