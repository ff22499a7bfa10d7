"""A fair queue: one user's sleeping submissions can't hold every grading worker, so another
user's quick submit is graded while they still run (real workers, real sandbox, HTTP API)."""

from __future__ import annotations

import itertools
import time

import pytest
from rest_framework.test import APIClient

from submissions.models import Submission
from tests.factories import UserFactory
from tests.security.grading import code_challenge, graded, submit

pytestmark = pytest.mark.docker

REFERENCE = "def double(n):\n    return 2 * n\n"
# Well within the time limit (4 s per case): slow, not failing; no CPU used.
SLEEPER = "import time\n\ndef double(n):\n    time.sleep(2)\n    return 2 * n\n"


@pytest.fixture
def doubling(transactional_db, settings):
    settings.SUBMISSIONS = {**settings.SUBMISSIONS, "MAX_IN_FLIGHT_PER_USER": 10}
    cases = [
        {"name": "one", "visibility": "example", "input": {"args": [1]}, "expected": 2},
        *(
            {"name": f"hidden {n}", "visibility": "hidden", "input": {"args": [n]},
             "expected": 2 * n, "category": "c", "hint": "h"}
            for n in (2, 3)
        ),
    ]  # fmt: skip
    return code_challenge(
        slug="double", cases=cases, reference=REFERENCE, entrypoint="double", time_limit_s=4
    )


def client_for(username: str) -> APIClient:
    client = APIClient()
    client.force_authenticate(UserFactory(username=username))
    return client


def test_a_users_sleepers_hold_one_worker_and_another_user_is_graded_meanwhile(doubling, tmp_path):
    from tests.worker_process import start_worker, stop_worker

    # Two grading workers and two sandbox slots of our own, as `make run` and compose start.
    env = {"SANDBOX_CONCURRENCY": "2", "SANDBOX_SLOTS_DIR": str(tmp_path / "slots")}
    workers = [start_worker(env=env), start_worker(env=env)]
    try:
        alice, bob = client_for("alice"), client_for("bob")
        sleepers = [submit(alice, "double", SLEEPER) for _ in range(3)]
        deadline = time.monotonic() + 60
        while not Submission.objects.filter(pk__in=sleepers, status="running").exists():
            assert time.monotonic() < deadline, "no worker took the sleepers"
            time.sleep(0.05)
        quick = submit(bob, "double", REFERENCE)
        body, _ = graded(bob, quick)
        # The moment bob's verdict is there, alice's sleepers are not all done: bob didn't wait.
        unfinished = Submission.objects.filter(pk__in=sleepers, status__in=["queued", "running"])
        assert unfinished.count() >= 2
        assert Submission.objects.filter(pk__in=sleepers, status="running").count() <= 1
        results = [graded(alice, pk, timeout=120)[0] for pk in sleepers]
    finally:
        outputs = [stop_worker(worker) for worker in workers]
    assert (body["verdict"], body["attempts"]) == ("accepted", 1), outputs
    # Waiting for their turn used no attempt, and they were graded in the end.
    assert [(r["verdict"], r["attempts"]) for r in results] == [("accepted", 1)] * 3, outputs
    spans = sorted(
        Submission.objects.filter(pk__in=sleepers).values_list("started_at", "finished_at")
    )
    # One at a time: each started after the previous one finished.
    assert all(later[0] >= earlier[1] for earlier, later in itertools.pairwise(spans))
