"""The harness's own logic, run on the host in a temporary folder (no Docker needed).

Only the parts that are safe outside a container: its process sweep (which kills every other
process it can see) is replaced, and nothing here runs untrusted code.
"""

import importlib.util
import os
import sys
from pathlib import Path

import pytest
from django.conf import settings

HARNESS_DIR = Path(settings.BASE_DIR) / "runner" / "harness"


@pytest.fixture
def harness(tmp_path, monkeypatch):
    spec = importlib.util.spec_from_file_location("harness_under_test", HARNESS_DIR / "harness.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "SANDBOX_DIR", str(tmp_path))
    monkeypatch.setattr(module, "CASE_RUNNER", str(HARNESS_DIR / "case_runner.py"))
    monkeypatch.setattr(module, "kill_strays", lambda: None)
    # On the host the code stays our own user: there is no candidate account to switch to.
    monkeypatch.setattr(module, "CANDIDATE_IDS", None)
    monkeypatch.setattr(module, "CHILD_ENV", {**module.CHILD_ENV, "PATH": os.environ["PATH"]})
    monkeypatch.setattr(module.sys, "executable", sys.executable)
    return module


def job(source: str, cases: list, **limits) -> dict:
    return {
        "nonce": "n",
        "mode": "python_cases",
        "source": source,
        "entrypoint": "f",
        "cases": cases,
        "limits": {"time_s": 2, "case_time_s": 2, "output_bytes": 10_000, "file_bytes": 10**6}
        | limits,
    }


def test_events_still_in_the_pipe_when_the_child_exits_are_not_lost(harness, monkeypatch):
    """Regression: the child wrote its last results and exited before the harness read them."""
    original_poll = harness.Child.poll

    def poll_after_exit(self):
        # Once the last case is sent and the feed closed, let the child finish completely
        # (without reaping it) before the first look: its last events are still in the pipe.
        if self.close_when_drained and self.stdin_fd < 0 and self.status is None:
            os.waitid(os.P_PID, self.pid, os.WEXITED | os.WNOWAIT)
        return original_poll(self)

    monkeypatch.setattr(harness.Child, "poll", poll_after_exit)
    cases = [{"id": str(i), "input": {"args": [i]}} for i in range(5)]
    report = harness.run_cases(job("def f(x):\n    return x + 1\n", cases))
    assert report["status"] == "ok"
    assert [(c["id"], c["status"], c["actual"]) for c in report["cases"]] == [
        (str(i), "ok", i + 1) for i in range(5)
    ]


def test_a_case_that_exits_the_process_loses_only_itself(harness):
    source = "import os\ndef f(x):\n    if x == 1:\n        os._exit(3)\n    return x\n"
    cases = [{"id": str(i), "input": {"args": [i]}} for i in range(3)]
    report = harness.run_cases(job(source, cases))
    assert [(c["id"], c["status"], c["actual"]) for c in report["cases"]] == [
        ("0", "ok", 0),
        ("1", "runtime_error", None),
        ("2", "ok", 2),
    ]
    assert report["cases"][1]["error"] == "the process exited during this case (exit 3)"


def test_sys_exit_inside_a_case_is_that_case_s_runtime_error(harness):
    source = "import sys\ndef f(x):\n    sys.exit(0)\n"
    report = harness.run_cases(job(source, [{"id": "a", "input": {"args": [1]}}]))
    assert report["cases"][0]["status"] == "runtime_error"
    assert "SystemExit" in report["cases"][0]["error"]


def test_values_that_are_not_plain_data_are_explained(harness):
    source = "def f():\n    return object()\n"
    report = harness.run_cases(job(source, [{"id": "a", "input": {"args": []}}]))
    assert report["cases"][0]["status"] == "runtime_error"
    assert "returned a object, which is not plain data" in report["cases"][0]["error"]


def test_sets_tuples_and_decimals_become_comparable_data(harness):
    source = (
        "from decimal import Decimal\ndef f():\n    return ({3, 1, 2}, (1, 2), Decimal('1.10'))\n"
    )
    report = harness.run_cases(job(source, [{"id": "a", "input": {"args": []}}]))
    assert report["cases"][0]["actual"] == [[1, 2, 3], [1, 2], {"__decimal__": "1.10"}]


def test_class_cases_call_methods_in_order(harness):
    source = (
        "class f:\n    def __init__(self, start):\n        self.n = start\n"
        "    def add(self, k):\n        self.n += k\n        return self.n\n"
    )
    ops = [{"args": [10]}, {"method": "add", "args": [1]}, {"method": "add", "args": [5]}]
    report = harness.run_cases(job(source, [{"id": "a", "input": {"ops": ops}}]))
    assert report["cases"][0]["actual"] == [None, 11, 16]


def test_missing_entrypoint_is_a_load_error(harness):
    report = harness.run_cases(job("def g():\n    pass\n", [{"id": "a", "input": {"args": []}}]))
    assert report["status"] == "runtime_error"
    assert report["load_error"] == "`f` is not defined (or not callable) in your code"
    assert report["cases"][0]["status"] == "not_run"


def test_writing_to_the_private_channel_while_loading_is_a_load_error(harness):
    source = (
        "import os\n"
        'os.write(3, b\'{"event": "result", "status": "ok", "actual": 1}\\n\')\n'
        "def f():\n    return 1\n"
    )
    report = harness.run_cases(job(source, [{"id": "a", "input": {"args": []}}]))
    assert report["status"] == "runtime_error"
    assert report["load_error"] == "your code wrote to the harness's private channel while loading"
    assert report["cases"] == [
        {"id": "a", "status": "not_run", "actual": None, "error": "not run", "time_ms": 0}
    ]


def test_a_result_written_between_cases_fails_the_case_being_run_not_the_harness(harness):
    # A thread keeps writing forged results; whichever case is running when one lands fails.
    source = (
        "import os, threading, time\n"
        "def spam():\n"
        "    while True:\n"
        "        os.write(3, b'not json at all\\n')\n"
        "        time.sleep(0.05)\n"
        "def f(x):\n"
        "    if x == 1:\n"
        "        threading.Thread(target=spam, daemon=True).start()\n"
        "        time.sleep(0.3)\n"
        "    return x\n"
    )
    cases = [{"id": str(i), "input": {"args": [i]}} for i in range(3)]
    report = harness.run_cases(job(source, cases))
    assert report["status"] == "ok"
    assert [(c["id"], c["status"]) for c in report["cases"]] == [
        ("0", "ok"),
        ("1", "runtime_error"),
        ("2", "ok"),
    ]
    assert report["cases"][1]["error"] == (
        "your code wrote to the harness's private channel during this case"
    )


def test_a_child_that_exits_at_import_is_a_load_error(harness):
    report = harness.run_cases(
        job("import os\nos._exit(4)\n", [{"id": "a", "input": {"args": []}}])
    )
    assert report["status"] == "runtime_error"
    assert report["load_error"] == "the program exited before running any case (exit 4)"


def test_what_each_case_prints_is_kept_per_case_and_capped(harness):
    source = (
        "def f(x):\n    print('seen', x)\n    if x == 2:\n        print('y' * 40000)\n"
        "    return x\n"
    )
    cases = [{"id": str(i), "input": {"args": [i]}} for i in (1, 2)]
    report = harness.run_cases(job(source, cases))
    first, second = report["cases"]
    assert first["output"] == "seen 1\n"
    assert second["output"].startswith("seen 2\n" + "y" * 100)
    # 7 + 40,000 + 1 characters printed, 16 KiB kept.
    assert second["output"].endswith(f"\n[... {40008 - 16 * 1024} more characters]")


WALLET = (
    "class Overdraft(ValueError):\n    pass\n"
    "class f:\n"
    "    def __init__(self, balance):\n"
    "        if balance < 0:\n            raise ValueError('negative opening balance')\n"
    "        self.balance = balance\n"
    "    @property\n    def status(self):\n        return 'open'\n"
    "    def pay(self, amount):\n"
    "        if amount > self.balance:\n"
    "            raise Overdraft(f'balance {self.balance} < {amount}')\n"
    "        self.balance -= amount\n        return self\n"
)


def test_a_raise_is_an_outcome_and_later_ops_still_run(harness):
    ops = [
        {"args": [500]},
        {"method": "pay", "args": [900]},
        {"attr": "balance"},
        {"method": "pay", "args": [100]},
        {"attr": "status"},
    ]
    report = harness.run_cases(job(WALLET, [{"id": "a", "input": {"ops": ops}}]))
    case = report["cases"][0]
    assert case["status"] == "ok"
    assert case["actual"] == [
        None,
        {
            "__raised__": {
                "type": "Overdraft",
                "mro": ["Overdraft", "ValueError", "Exception", "BaseException"],
                "message": "balance 500 < 900",
            }
        },
        500,
        {"__not_data__": "returned a f, which is not plain data"},
        "open",
    ]
    assert case["error"].startswith("op 2: Traceback")


def test_a_raising_constructor_ends_the_case_and_a_function_s_raise_is_an_outcome(harness):
    cases = [{"id": "a", "input": {"ops": [{"args": [-1]}, {"attr": "balance"}]}}]
    report = harness.run_cases(job(WALLET, cases))
    assert report["cases"][0]["actual"] == [
        {
            "__raised__": {
                "type": "ValueError",
                "mro": ["ValueError", "Exception", "BaseException"],
                "message": "negative opening balance",
            }
        }
    ]
    source = "def f(x):\n    return {}[x]\n"
    report = harness.run_cases(job(source, [{"id": "b", "input": {"args": ["k"]}}]))
    assert report["cases"][0]["status"] == "ok"
    assert report["cases"][0]["actual"] == {
        "__raised__": {
            "type": "KeyError",
            "mro": ["KeyError", "LookupError", "Exception", "BaseException"],
            "message": "'k'",
        }
    }


def test_reading_a_method_as_an_attribute_fails_the_case_saying_so(harness):
    ops = [{"args": [5]}, {"attr": "pay"}]
    report = harness.run_cases(job(WALLET, [{"id": "a", "input": {"ops": ops}}]))
    assert report["cases"][0]["status"] == "runtime_error"
    assert report["cases"][0]["error"] == (
        "`pay` is a method (or another callable), read here as an attribute: "
        "make it a property or a plain attribute"
    )
