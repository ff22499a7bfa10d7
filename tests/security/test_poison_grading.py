"""Poison submissions: whatever a candidate's code returns, grading ends with a verdict, the
stored row stays small, and every page and API call that shows it answers 200. A crash in
grading is bounded: a few attempts, then internal_error, released from every queue cap.
"""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from django.test import Client
from django.utils import timezone
from rest_framework.test import APIClient

from challenges.packages import read_package
from challenges.services import challenge_import_package
from submissions import grading
from submissions.models import Submission
from submissions.result_caps import MAX_RESULTS_BYTES
from tests.conftest import CATALOGUE
from tests.factories import UserFactory
from tests.security.grading import graded, submit

PACKAGES = Path(__file__).resolve().parent.parent / "challenges" / "packages"

# `close` comparator: a 401-digit int where floats are expected (OverflowError in isclose).
HUGE_FLOATS = (
    "def simulate_retries(*args):\n"
    "    return {'outcome': 'succeeded', 'attempts': 10**400, 'delays': [10**400, 1.5]}\n"
)
# Issue 10: a 73-byte program returning 3 MB per case stored a 6 MB results row. The sandbox
# now stops 3 MB (output_limit); just under its cap, the stored row is still bounded.
THREE_MB = "def order_total(*a):\n    return 'x' * 3_000_000\n"
NEAR_A_MB = "def order_total(*a):\n    return 'x' * 900_000\n"
# SQL cells: an infinity, a NUL, a blob, an int at SQLite's edge; then 3 MB of text.
SQL_POISON = (
    "SELECT 1e999 AS inf, char(0) AS nul, zeroblob(16) AS blob, "
    "9223372036854775807 AS edge FROM orders"
)
SQL_HUGE = "SELECT printf('%.*c', 3000000, 'x') AS big FROM orders"
# An API whose responses are 975 deep (RecursionError on every page that showed it).
DEEP_API = (
    "def create_app():\n"
    "    body = ('[' * 975 + ']' * 975).encode()\n"
    "    def app(environ, start_response):\n"
    "        start_response('200 OK', [('Content-Type', 'application/json')])\n"
    "        return [body]\n"
    "    return app\n"
)


def load(folder: Path):
    return challenge_import_package(package=read_package(folder)).challenge


def shows(client: APIClient, page: Client, admin: Client, submission_id: int) -> None:
    """The submission renders everywhere it is shown: API, detail page, history, admin."""
    assert client.get(f"/api/submissions/{submission_id}/").status_code == 200
    assert client.get("/api/submissions/").status_code == 200
    assert page.get(f"/submissions/{submission_id}/").status_code == 200
    assert page.get("/submissions/").status_code == 200
    change = f"/admin/submissions/submission/{submission_id}/change/"
    assert admin.get(change).status_code == 200


@pytest.mark.docker
def test_poison_values_of_every_kind_end_finished_small_and_renderable(transactional_db, settings):
    from tests.worker_process import start_worker, stop_worker

    settings.SUBMISSIONS = {**settings.SUBMISSIONS, "MAX_IN_FLIGHT_PER_USER": 50}
    user = UserFactory(username="poisoner")
    client, page, admin = APIClient(), Client(), Client()
    client.force_authenticate(user)
    page.force_login(user)
    admin.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    for folder in (CATALOGUE / "retry-backoff-jitter", CATALOGUE / "order-total"):
        load(folder)
    for folder in (PACKAGES / "late-orders", PACKAGES / "stock-reservations"):
        load(folder)
    cache = load(PACKAGES / "cache-sizing")

    # A design answer stored before the boundary checked them: graded wrong, never a crash.
    legacy = Submission.objects.create(
        user=user,
        version=cache.current_version,
        mode="submit",
        answers={"eviction": [[0]], "invalidation": [0, "a"], "hot-set": 10**401,
                 "layers": {"x": 1}, "stampede": ["not text"]},
    )  # fmt: skip
    # A grading whose worker died on each of its attempts (issue 10: requeued for ever).
    spent = Submission.objects.create(
        user=UserFactory(username="unlucky"),
        version=cache.current_version,
        mode="submit",
        answers={},
        status="running",
        attempts=grading.max_attempts(),
        lease_expires_at=timezone.now() - timedelta(seconds=1),
    )
    worker = start_worker()
    try:
        from submissions.tasks import grade_submission

        grade_submission.enqueue(legacy.pk)
        ids = {
            "python close": submit(client, "retry-backoff-jitter", HUGE_FLOATS),
            "3 MB per case": submit(client, "order-total", THREE_MB),
            "900 KB per case": submit(client, "order-total", NEAR_A_MB),
            "sql": submit(client, "late-orders", SQL_POISON),
            "sql 3 MB": submit(client, "late-orders", SQL_HUGE),
            "api 975 deep": submit(client, "stock-reservations", DEEP_API),
            "legacy design": legacy.pk,
        }
        bodies = {name: graded(client, pk)[0] for name, pk in ids.items()}
    finally:
        output = stop_worker(worker)

    verdicts = {name: (body["status"], body["verdict"]) for name, body in bodies.items()}
    assert verdicts == {
        "python close": ("done", "wrong_answer"),
        "3 MB per case": ("done", "output_limit"),
        "900 KB per case": ("done", "wrong_answer"),
        "sql": ("done", "wrong_answer"),
        "sql 3 MB": ("done", "output_limit"),
        "api 975 deep": ("done", "runtime_error"),
        "legacy design": ("done", "pending_review"),
    }, output
    assert [row["passed"] for row in bodies["legacy design"]["results"]][:4] == [False] * 4
    visible = [row for row in bodies["900 KB per case"]["results"] if "actual" in row]
    assert visible
    assert all(row["actual"]["__truncated__"] is True for row in visible)
    assert all(row["actual"]["bytes"] == 900_002 for row in visible)
    for name, pk in ids.items():
        stored = Submission.objects.get(pk=pk)
        assert stored.attempts == 1, name
        assert len(json.dumps(stored.results)) <= MAX_RESULTS_BYTES, name
        shows(client, page, admin, pk)
    spent.refresh_from_db()
    assert (spent.status, spent.verdict) == ("error", "internal_error"), output
    assert "does not count against you" in spent.message


@pytest.fixture
def design_api(db, settings, django_capture_on_commit_callbacks):
    settings.SUBMISSIONS = {**settings.SUBMISSIONS, "MAX_IN_FLIGHT_PER_USER": 1}
    load(PACKAGES / "cache-sizing")
    client = APIClient()
    client.force_authenticate(UserFactory(username="crasher"))
    return client


def test_a_crash_in_grading_ends_as_internal_error_and_frees_the_queue(
    design_api, monkeypatch, django_capture_on_commit_callbacks
):
    from challenges.kinds import design

    def crash(*args, **kwargs):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(design, "score_question", crash)
    answers = {"eviction": 1}
    with django_capture_on_commit_callbacks(execute=False):
        created = design_api.post(
            "/api/submissions/",
            {"challenge": "cache-sizing", "mode": "submit", "answers": answers},
            format="json",
        )
    assert created.status_code == 201
    submission_id = created.json()["id"]
    # While it waits, the user's one place in the queue is taken.
    with django_capture_on_commit_callbacks(execute=False):
        busy = design_api.post(
            "/api/submissions/",
            {"challenge": "cache-sizing", "mode": "submit", "answers": answers},
            format="json",
        )
    assert busy.status_code == 503
    # The worker's attempts (the retry is enqueued with backoff; here we run it at once).
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=False):
            grading.submission_grade(submission_id=submission_id)
    body = design_api.get(f"/api/submissions/{submission_id}/").json()
    assert (body["status"], body["verdict"], body["finished"], body["attempts"]) == (
        "error",
        "internal_error",
        True,
        2,
    )
    assert "problem on our side" in body["message"]
    assert "recursion" not in body["message"]
    with django_capture_on_commit_callbacks(execute=False):
        again = design_api.post(
            "/api/submissions/",
            {"challenge": "cache-sizing", "mode": "submit", "answers": answers},
            format="json",
        )
    assert again.status_code == 201
