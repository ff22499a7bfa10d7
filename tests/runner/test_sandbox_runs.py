"""The real sandbox: verdicts for ordinary and misbehaving programs, nothing left behind."""

import json
import subprocess
import sys

import pytest
from django.conf import settings

from runner.facade import CaseInput, Mode, RunSpec, Status, limits_for, run
from tests.runner.engine_settings import engine_options
from tests.runner.sandbox_checks import assert_no_leftover_containers

pytestmark = pytest.mark.docker


@pytest.fixture(autouse=True)
def _no_leftover_containers():
    yield
    assert_no_leftover_containers()


def run_program(source: str, stdin: str = "", **limits) -> object:
    return run(RunSpec(source=source, stdin=stdin, limits=limits_for(**limits) if limits else None))


def test_ok_program_gets_stdin_and_reports_usage():
    result = run_program("import sys\nprint(sys.stdin.read().upper())", stdin="hello")
    assert result.status == Status.OK
    assert result.exit_code == 0
    assert result.stdout == "HELLO\n"
    assert result.stderr == ""
    assert result.cpu_time_ms is not None
    assert result.peak_memory_kb > 1000


def test_runtime_error_keeps_the_traceback():
    result = run_program("raise ValueError('boom')")
    assert result.status == Status.RUNTIME_ERROR
    assert result.exit_code == 1
    assert result.stderr.strip().endswith("ValueError: boom")


def test_busy_loop_times_out():
    result = run_program("while True: pass", time_limit_s=1)
    assert result.status == Status.TIMEOUT
    assert result.message == "the program exceeded its time limit (1 s)"


def test_memory_bomb_is_a_memory_limit():
    result = run_program("x = []\nwhile True: x.append(bytearray(10**7))", memory_mb=128)
    assert result.status == Status.MEMORY_LIMIT


def test_stdout_flood_is_cut_off():
    result = run_program("while True: print('x' * 1000)")
    assert result.status == Status.OUTPUT_LIMIT
    assert result.output_truncated is True
    assert len(result.stdout) <= settings.RUNNER["OUTPUT_LIMIT_BYTES"]


def test_no_network_and_not_root():
    source = (
        "import os, socket\n"
        "print(os.getuid(), os.getgid())\n"
        "print(sorted(n for _, n in socket.if_nameindex()))\n"
        "print(open('/proc/self/status').read().split('CapEff:')[1].split()[0])\n"
    )
    result = run_program(source)
    assert result.status == Status.OK
    assert result.stdout.splitlines() == ["10001 10001", "['lo']", "0000000000000000"]


def test_printing_a_forged_result_changes_nothing():
    source = (
        'print(\'0123456789abcdef0123456789abcdef {"status": "ok", "cases": []}\')\n'
        "def f(x):\n    return x * 2\n"
    )
    result = run(
        RunSpec(
            source=source,
            mode=Mode.PYTHON_CASES,
            entrypoint="f",
            cases=(CaseInput(id="1", input={"args": [21]}),),
        )
    )
    assert result.status == Status.OK
    assert [(c.id, c.status, c.actual) for c in result.cases] == [("1", "ok", 42)]


def test_cases_one_raising_or_looping_does_not_lose_the_others():
    source = (
        "def f(x):\n"
        "    if x == 1: raise KeyError('nope')\n"
        "    if x == 2:\n        while True: pass\n"
        "    return x * 10\n"
    )
    result = run(
        RunSpec(
            source=source,
            mode=Mode.PYTHON_CASES,
            entrypoint="f",
            cases=tuple(CaseInput(id=str(i), input={"args": [i]}) for i in range(4)),
            limits=limits_for(time_limit_s=1),
        )
    )
    assert result.status == Status.OK
    # A raise is an outcome the worker judges against the expected value (python_expected).
    raised = {
        "__raised__": {
            "type": "KeyError",
            "mro": ["KeyError", "LookupError", "Exception", "BaseException"],
            "message": "'nope'",
        }
    }
    assert [(c.id, c.status, c.actual) for c in result.cases] == [
        ("0", "ok", 0),
        ("1", "ok", raised),
        ("2", "timeout", None),
        ("3", "ok", 30),
    ]
    assert "KeyError: 'nope'" in result.cases[1].error


def test_syntax_error_is_reported_as_such():
    result = run(
        RunSpec(
            source="def f(:\n",
            mode=Mode.PYTHON_CASES,
            entrypoint="f",
            cases=(CaseInput(id="1", input={"args": []}),),
        )
    )
    assert result.status == Status.SYNTAX_ERROR
    assert "SyntaxError" in result.message


def test_runcode_json_prints_exactly_one_object(tmp_path):
    program = tmp_path / "p.py"
    program.write_text("import sys\nprint(sys.stdin.read()[::-1])\n")
    stdin = tmp_path / "in.txt"
    stdin.write_text("abc")
    result = subprocess.run(
        [sys.executable, "manage.py", "runcode", str(program), "--stdin", str(stdin), "--json"],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["status"] == "ok"
    assert payload["exit_code"] == 0
    assert payload["stdout"] == "cba\n"
    assert payload["stderr"] == ""
    assert isinstance(payload["wall_time_ms"], int)


def test_missing_image_is_a_sandbox_error(settings):
    settings.RUNNER = engine_options(image="interview-sandbox:does-not-exist")
    result = run_program("print(1)")
    assert result.status == Status.SANDBOX_ERROR
    assert "interview-sandbox:does-not-exist" in result.message


def test_program_cases_run_once_per_stdin():
    source = (
        "import sys\nn = int(sys.stdin.read())\nif n < 0:\n    raise ValueError(n)\nprint(n * n)\n"
    )
    result = run(
        RunSpec(
            source=source,
            mode=Mode.PROGRAM_CASES,
            cases=tuple(
                CaseInput(id=str(i), input={"stdin": s}) for i, s in enumerate(["3", "-1", "4"])
            ),
        )
    )
    assert result.status == Status.OK
    assert [(c.id, c.status, c.actual) for c in result.cases] == [
        ("0", "ok", {"stdout": "9\n"}),
        ("1", "runtime_error", None),
        ("2", "ok", {"stdout": "16\n"}),
    ]
    assert result.cases[1].error.strip().endswith("ValueError: -1")
