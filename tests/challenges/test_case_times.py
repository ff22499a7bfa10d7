"""A visible case's row has a time only where the harness measured one: a case that never ran
has none (it used to say "0 ms", like a real sub-millisecond run)."""

from challenges.kinds.scoring import base_row
from challenges.models import TestCase
from runner.facade import CaseOutput


def case(visibility: str = TestCase.Visibility.EXAMPLE) -> TestCase:
    return TestCase(ordinal=1, name="one", visibility=visibility, category="edge", hint="Think.")


def test_a_measured_case_keeps_its_time_even_under_a_millisecond():
    output = CaseOutput(id="1", status="ok", actual=3, time_ms=0)
    assert base_row(case(), "passed", True, output) == {
        "ordinal": 1, "name": "one", "visibility": "example", "status": "passed",
        "passed": True, "error": "", "time_ms": 0,
    }  # fmt: skip
    slow = CaseOutput(id="1", status="ok", actual=3, time_ms=41)
    assert base_row(case(), "wrong_answer", False, slow)["time_ms"] == 41


def test_a_case_that_never_ran_has_no_time():
    assert "time_ms" not in base_row(case(), "not_run", False, None)
    not_run = CaseOutput(id="1", status="not_run", error="not run", time_ms=0)
    row = base_row(case(), "not_run", False, not_run)
    assert "time_ms" not in row
    assert row["error"] == "not run"


def test_a_hidden_case_never_has_a_time():
    output = CaseOutput(id="1", status="ok", actual=3, time_ms=5)
    row = base_row(case(TestCase.Visibility.HIDDEN), "wrong_answer", False, output)
    assert row == {
        "ordinal": 1, "name": "one", "visibility": "hidden", "status": "wrong_answer",
        "passed": False, "category": "edge", "hint": "Think.",
    }  # fmt: skip
