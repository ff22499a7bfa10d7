"""Design challenges through the submissions API: answers in, auto parts scored at once."""

from pathlib import Path

import pytest

from challenges.packages import read_package
from challenges.services import challenge_import_package

PACKAGE = Path(__file__).parent.parent.parent / "challenges" / "packages" / "cache-sizing"


@pytest.fixture
def cache_sizing(db, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    return challenge_import_package(package=read_package(PACKAGE)).challenge


def submit(api_client, callbacks, **data):
    with callbacks(execute=True):
        response = api_client.post("/api/submissions/", data, format="json")
    return response


def test_answers_are_graded_and_free_text_waits_for_review(
    api_client, cache_sizing, django_capture_on_commit_callbacks
):
    response = submit(
        api_client,
        django_capture_on_commit_callbacks,
        challenge="cache-sizing",
        mode="submit",
        answers={"hot-set": 380, "eviction": 1, "invalidation": [1, 2], "layers": [1, 2, 0],
                 "stampede": "Coalesce requests behind a lock."},
    )  # fmt: skip
    assert response.status_code == 201
    body = api_client.get(f"/api/submissions/{response.json()['id']}/").json()
    assert (body["status"], body["verdict"], body["score"]) == ("done", "pending_review", 0.625)
    assert body["results"][-1]["status"] == "pending_review"
    assert body["answers"]["stampede"] == "Coalesce requests behind a lock."


def test_design_needs_answers_not_code(api_client, cache_sizing):
    response = api_client.post(
        "/api/submissions/",
        {"challenge": "cache-sizing", "mode": "submit", "code": "print(1)"},
        format="json",
    )
    assert response.status_code == 400
    assert response.json() == {"answers": ["a design challenge is answered with `answers`"]}


def test_unknown_questions_are_refused(api_client, cache_sizing):
    response = api_client.post(
        "/api/submissions/",
        {"challenge": "cache-sizing", "mode": "submit", "answers": {"nope": 1}},
        format="json",
    )
    assert response.status_code == 400
    assert response.json() == {"answers": ["unknown question 'nope'"]}


def test_design_cannot_be_run(api_client, cache_sizing):
    response = api_client.post(
        "/api/submissions/",
        {"challenge": "cache-sizing", "mode": "run", "answers": {}},
        format="json",
    )
    assert response.json() == {"mode": ["design challenges are submitted, not run"]}
