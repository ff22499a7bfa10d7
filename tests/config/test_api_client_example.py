"""The documented script, run as a user would, against a live server and a real worker."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from tests.factories import UserFactory

SCRIPT = Path(settings.BASE_DIR) / "docs" / "examples" / "practice_client.py"

pytestmark = pytest.mark.docker


def run_script(live_server, tmp_path, code: str, *extra: str) -> subprocess.CompletedProcess:
    solution = tmp_path / "solution.py"
    solution.write_text(code)
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--url", live_server.url, "--username", "ada",
         "--password", "correct-horse-battery", "--challenge", "order-total",
         "--file", str(solution), *extra],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def test_token_auth_list_submit_poll_read(
    live_server, worker_process, order_total, order_total_solution, tmp_path
):
    UserFactory(username="ada")
    right = run_script(live_server, tmp_path, order_total_solution)
    assert right.returncode == 0, right.stdout + right.stderr
    lines = right.stdout.splitlines()
    assert lines[:3] == [
        "1 challenges available",
        "Checkout total with a coupon (v1, python)",
        "verdict: accepted  score: 1.0",
    ], right.stdout + right.stderr
    assert len(lines) == 3 + 12
    wrong = run_script(live_server, tmp_path, order_total.current_version.starter_code)
    assert wrong.returncode == 1, wrong.stdout + wrong.stderr
    assert "verdict: wrong_answer" in wrong.stdout, wrong.stdout + wrong.stderr
    assert "  FAIL half-cent rounds up  [rounding] 0.5 cents must round up, not to even." in (
        wrong.stdout.splitlines()
    )


def test_a_custom_run_prints_both_outputs(live_server, worker_process, order_total, tmp_path):
    UserFactory(username="ada")
    mine = "def order_total(items, coupon=None):\n    return {}\n"
    shown = run_script(live_server, tmp_path, mine, "--mode", "custom", "--input", "[]")
    assert shown.returncode == 1, shown.stdout + shown.stderr
    lines = shown.stdout.splitlines()[2:]
    assert lines[:3] == [
        "verdict: wrong_answer  score: 0.0",
        "  FAIL Your input",
        "       yours:     {}",
    ], shown.stdout + shown.stderr
    # The reference's value as JSON (PostgreSQL's jsonb keeps no key order: compare values).
    label, _, value = lines[3].partition(": ")
    assert (label, json.loads(value)) == (
        "       reference",
        {"subtotal_cents": 0, "discount_cents": 0, "total_cents": 0},
    )
    assert len(lines) == 4
