"""Attacks on the harness and the worker's time, through the HTTP API with a real worker.

The candidate tries to kill or confuse the harness (so the run is retried and ends as our
fault), or to hold a sandbox slot for a long time without using the CPU. Each must end, once,
as the candidate's own verdict, within its own time share.
"""

from __future__ import annotations

from datetime import datetime

import pytest
from rest_framework.test import APIClient

from tests.factories import UserFactory
from tests.security.grading import code_challenge, graded, submit

pytestmark = pytest.mark.docker

REFERENCE = "def double(x):\n    return 2 * x\n"

ATTACKS = {
    # Signals to the harness (PID 1) at import: the kernel refuses, the code fails to load.
    "signal the harness": (
        "import os, signal\n"
        "for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGKILL):\n"
        "    os.kill(1, sig)\n"
        "def double(x):\n    return 2 * x\n",
        "runtime_error",
    ),
    # Kill every process it can, its own included, in the middle of a case.
    "kill everyone": (
        "import os, signal\ndef double(x):\n    os.kill(-1, signal.SIGKILL)\n",
        "runtime_error",
    ),
    # Malformed and hostile events on the harness's private channel during a case.
    "garbage event": (
        "import os\ndef double(x):\n    os.write(3, b'{\"event\": [[[[[[\\n')\n    return 2 * x\n",
        "runtime_error",
    ),
    "deep event": (
        "import os\n"
        "def double(x):\n"
        '    os.write(3, b\'{"event": "result", "status": "ok", "actual": \''
        " + b'[' * 100000 + b']' * 100000 + b'}\\n')\n"
        "    return 2 * x\n",
        "runtime_error",
    ),
    "lying event": (
        "import os\n"
        "def double(x):\n"
        '    os.write(3, b\'{"event": "result", "status": "harness_error", \'\n'
        '             b\'"time_ms": "x"}\\n\')\n'
        "    return 2 * x\n",
        "runtime_error",
    ),
    "close the channel": (
        "import os\ndef double(x):\n    os.close(3)\n    return 2 * x\n",
        "runtime_error",
    ),
    # Sleep at import: stopped after loading's own share (2 s), not the whole run's budget.
    "sleep at import": (
        "import time\ntime.sleep(60)\ndef double(x):\n    return 2 * x\n",
        "time_limit",
    ),
}


def test_attacks_on_the_harness_end_once_as_the_candidate_s_verdict(worker_process, settings):
    settings.SUBMISSIONS = {**settings.SUBMISSIONS, "MAX_IN_FLIGHT_PER_USER": 20}
    code_challenge(
        slug="double",
        cases=[
            {"name": "one", "visibility": "example", "input": {"args": [1]}, "expected": 2},
            {"name": "two", "visibility": "hidden", "input": {"args": [2]}, "expected": 4},
            {"name": "three", "visibility": "hidden", "input": {"args": [3]}, "expected": 6},
        ],
        reference=REFERENCE,
        entrypoint="double",
    )
    client = APIClient()
    client.force_authenticate(UserFactory(username="saboteur"))
    ids = {name: submit(client, "double", code) for name, (code, _) in ATTACKS.items()}
    honest = submit(client, "double", REFERENCE)
    for name, submission_id in ids.items():
        submission, _ = graded(client, submission_id)
        expected_verdict = ATTACKS[name][1]
        assert (submission["status"], submission["verdict"], submission["attempts"]) == (
            "done",
            expected_verdict,
            1,
        ), (name, submission["message"])
        taken = datetime.fromisoformat(submission["finished_at"]) - datetime.fromisoformat(
            submission["started_at"]
        )
        # One case's share for loading plus the cases' own: never the old 47 s whole budget.
        assert taken.total_seconds() < 15, name
    sleeper, _ = graded(client, ids["sleep at import"])
    assert sleeper["message"] == "loading your code took longer than 2 s"
    signalled, _ = graded(client, ids["signal the harness"])
    assert "PermissionError" in signalled["message"]
    # The harness is still the harness: the honest submission after all that is graded right.
    assert graded(client, honest)[0]["verdict"] == "accepted"
