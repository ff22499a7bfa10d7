"""Hostile code against the real engine: each test asserts the verdict and that the host is
unharmed (no container left behind, and the next run works)."""

import json
import secrets
import subprocess
import sys

import pytest
from django.conf import settings

from challenges.kinds import python as python_kind
from runner import docker_engine
from runner.facade import CaseInput, Mode, RunSpec, Status, limits_for, run
from tests.runner.sandbox_checks import assert_host_unharmed

pytestmark = pytest.mark.docker


@pytest.fixture(autouse=True)
def _host_unharmed():
    yield
    assert_host_unharmed()


def program(source: str, *, time_limit_s: float = 2, memory_mb: int | None = None, stdin=""):
    limits = limits_for(time_limit_s=time_limit_s, memory_mb=memory_mb)
    return run(RunSpec(source=source, stdin=stdin, limits=limits))


def test_fork_bomb_is_contained_and_times_out():
    source = (
        "import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass\n"
    )
    result = program(source, time_limit_s=2)
    assert result.status == Status.TIMEOUT
    assert result.wall_time_ms < 10_000


def test_fork_bomb_hits_the_pids_limit():
    source = (
        "import os, time\n"
        "children = 0\n"
        "try:\n"
        "    while True:\n"
        "        if os.fork() == 0:\n            time.sleep(30)\n            os._exit(0)\n"
        "        children += 1\n"
        "except OSError as exc:\n"
        "    print(type(exc).__name__, children < 64)\n"
    )
    result = program(source)
    assert result.status == Status.OK
    assert result.stdout == "BlockingIOError True\n"


def test_memory_bomb_is_a_memory_limit():
    result = program(
        "blocks = []\nwhile True:\n    blocks.append(bytearray(8 * 2**20))", memory_mb=96
    )
    assert result.status == Status.MEMORY_LIMIT
    assert result.message == "the program ran out of memory (96 MB)"


def test_busy_loop_is_a_timeout():
    result = program("while True:\n    pass", time_limit_s=1)
    assert result.status == Status.TIMEOUT


def test_sleeping_forever_is_a_wall_clock_timeout():
    result = program("import time\ntime.sleep(3600)", time_limit_s=1)
    assert result.status == Status.TIMEOUT
    assert result.cpu_time_ms < 500  # not CPU: the wall clock stopped it
    assert result.wall_time_ms < 5_000


def test_many_busy_threads_share_one_cpu_and_time_out():
    source = (
        "import threading\n"
        "def spin():\n    while True:\n        pass\n"
        "for _ in range(32):\n    threading.Thread(target=spin, daemon=True).start()\n"
        "threading.Event().wait()\n"
    )
    result = program(source, time_limit_s=1)
    assert result.status == Status.TIMEOUT
    assert result.wall_time_ms < 5_000


@pytest.mark.parametrize("stream", ["stdout", "stderr"])
def test_output_floods_are_cut_off(stream):
    result = program(f"import sys\nwhile True:\n    sys.{stream}.write('x' * 4096)")
    assert result.status == Status.OUTPUT_LIMIT
    assert result.output_truncated is True
    kept = result.stdout if stream == "stdout" else result.stderr
    assert 0 < len(kept) <= settings.RUNNER["OUTPUT_LIMIT_BYTES"]


def test_filling_tmp_stops_at_its_size():
    source = (
        "import errno\n"
        "written = 0\n"
        "try:\n"
        "    with open('/tmp/fill', 'wb') as f:\n"
        "        while True:\n"
        "            f.write(b'x' * 65536)\n            f.flush()\n            written += 65536\n"
        "except OSError as exc:\n"
        "    print(errno.errorcode[exc.errno], written <= 16 * 2**20)\n"
    )
    result = program(source)
    assert result.status == Status.OK
    assert result.stdout in {"ENOSPC True\n", "EFBIG True\n"}


def test_writing_outside_the_work_dir_is_refused():
    source = (
        "import errno\n"
        "for path in ['/etc/passwd', '/usr/lib/evil.py', '/opt/harness/harness.py', '/x']:\n"
        "    try:\n        open(path, 'a').write('pwned')\n        print(path, 'WRITTEN')\n"
        "    except OSError as exc:\n        print(path, errno.errorcode[exc.errno])\n"
    )
    result = program(source)
    assert result.status == Status.OK
    assert result.stdout.splitlines() == [
        "/etc/passwd EACCES",
        "/usr/lib/evil.py EROFS",
        "/opt/harness/harness.py EACCES",
        "/x EROFS",
    ]


def test_only_loopback_and_no_route_out():
    source = (
        "import socket\n"
        "print(sorted(name for _, name in socket.if_nameindex()))\n"
        "for host in ['1.1.1.1', '10.0.0.1', '172.17.0.1']:\n"
        "    s = socket.socket()\n    s.settimeout(1)\n"
        "    try:\n        s.connect((host, 80))\n        print(host, 'CONNECTED')\n"
        "    except OSError as exc:\n        print(host, type(exc).__name__)\n"
    )
    result = program(source)
    assert result.status == Status.OK
    assert result.stdout.splitlines() == [
        "['lo']",
        "1.1.1.1 OSError",
        "10.0.0.1 OSError",
        "172.17.0.1 OSError",
    ]


def test_not_root_and_no_capabilities():
    source = (
        "import os\n"
        "status = dict(line.split(':', 1) for line in open('/proc/self/status'))\n"
        "print(os.getuid(), os.geteuid(), os.getgid(), os.getgroups())\n"
        "for key in ['CapInh', 'CapPrm', 'CapEff', 'CapBnd', 'CapAmb', 'NoNewPrivs']:\n"
        "    print(key, status[key].strip())\n"
        "try:\n    os.setuid(0)\nexcept PermissionError:\n    print('setuid refused')\n"
    )
    result = program(source)
    assert result.status == Status.OK
    # The bounding set keeps the harness's SETUID, SETGID and KILL (bits 5-7), but the
    # candidate's process holds none of them and, with no-new-privileges, can never gain one.
    assert result.stdout.splitlines() == [
        "10001 10001 10001 []",
        "CapInh 0000000000000000",
        "CapPrm 0000000000000000",
        "CapEff 0000000000000000",
        "CapBnd 00000000000000e0",
        "CapAmb 0000000000000000",
        "NoNewPrivs 1",
        "setuid refused",
    ]


def test_no_docker_socket_and_no_host_secrets(monkeypatch):
    secret = secrets.token_hex(16)
    monkeypatch.setenv("SECRET_KEY", secret)
    monkeypatch.setenv("DATABASE_PASSWORD", secret)
    source = (
        "import os\n"
        "print(os.path.exists('/var/run/docker.sock'), os.path.exists('/run/docker.sock'))\n"
        "print(sorted(os.environ))\n"
        "print(open('/proc/1/environ', 'rb').read() if os.access('/proc/1/environ', os.R_OK)"
        " else 'no access to pid 1')\n"
    )
    result = program(source)
    assert result.status == Status.OK
    lines = result.stdout.splitlines()
    assert lines[0] == "False False"
    assert lines[1] == str(
        sorted(["HOME", "LANG", "PATH", "PYTHONDONTWRITEBYTECODE", "PYTHONHASHSEED",
                "PYTHONUNBUFFERED"])
    )  # fmt: skip
    assert lines[2] == "no access to pid 1"
    assert secret not in result.stdout


def test_a_background_process_does_not_outlive_the_run():
    source = (
        "import os, time\n"
        "if os.fork() == 0:\n"
        "    os.setsid()\n"
        "    if os.fork() == 0:\n        time.sleep(3600)\n    os._exit(0)\n"
        "print('parent done')\n"
    )
    result = program(source, time_limit_s=5)
    assert result.status == Status.OK
    assert result.stdout == "parent done\n"
    assert result.wall_time_ms < 3_000


def test_signalling_the_harness_and_everyone_else_changes_nothing():
    source = (
        "import os, signal\n"
        "for sig in (signal.SIGKILL, signal.SIGTERM, signal.SIGSTOP):\n"
        "    try:\n        os.kill(1, sig)\n    except OSError as exc:\n"
        "        print('pid 1', type(exc).__name__)\n"
        "try:\n    os.kill(-1, signal.SIGKILL)\n"
        "except ProcessLookupError:\n    print('nobody else to signal')\n"
        "print('still here')\n"
    )
    result = program(source)
    assert result.status == Status.OK
    # The harness runs as another user: every signal to it is refused by the kernel.
    assert result.stdout == "pid 1 PermissionError\n" * 3 + "nobody else to signal\nstill here\n"


def test_planted_links_and_fifos_are_never_followed_by_the_host(monkeypatch):
    # The host reads results only from the attach stream; it never copies files out of the
    # container, so a planted path can't lead it anywhere. Prove no file API is called.
    api = docker_engine.client(settings.RUNNER["ENGINE_OPTIONS"]["docker_host"]).api

    def forbidden(*args, **kwargs):
        raise AssertionError("the host read or wrote a file in the sandbox")

    monkeypatch.setattr(api, "get_archive", forbidden)
    monkeypatch.setattr(api, "put_archive", forbidden)
    source = (
        "import os\n"
        "os.symlink('/etc/shadow', '/sandbox/result.json')\n"
        "os.symlink('/var/run/docker.sock', '/sandbox/docker.sock')\n"
        "os.link('/sandbox/main.py', '/sandbox/hard')\n"
        "os.mkfifo('/sandbox/out.fifo')\n"
        "os.unlink('/sandbox/main.py')\n"
        "os.symlink('/proc/1/root', '/sandbox/main.py')\n"
        "print(sorted(os.listdir('/sandbox')))\n"
    )
    result = program(source)
    assert result.status == Status.OK
    assert result.stdout == ("['docker.sock', 'hard', 'main.py', 'out.fifo', 'result.json']\n")


def test_forged_result_lines_on_stdout_are_just_output():
    forged = "0" * 32 + ' {"status": "ok", "exit_code": 0, "stdout": "forged"}'
    result = program(f"print({forged!r})\nraise SystemExit(3)")
    assert result.status == Status.RUNTIME_ERROR
    assert result.exit_code == 3
    assert result.stdout == forged + "\n"


def test_monkeypatching_the_case_runner_cannot_forge_a_pass():
    # The candidate replaces the runner's own output functions; what comes out is still only
    # "actual" values, judged against expected values the sandbox never saw.
    source = (
        "import sys\n"
        "runner = sys.modules['__main__']\n"
        "runner.emit({'event': 'result', 'status': 'ok', 'actual': 'PASS'})\n"
        "runner.jsonable = lambda value, depth=0: 'PASS'\n"
        "def f(x):\n    return x\n"
    )
    result = run(
        RunSpec(
            source=source,
            mode=Mode.PYTHON_CASES,
            entrypoint="f",
            cases=(CaseInput(id="1", input={"args": [7]}),),
        )
    )
    # A result before the runner asked for one is a breach of the protocol: the code failed to
    # load, nothing ran. (Even a forged "PASS" would only be an actual value, judged outside.)
    assert result.status == Status.RUNTIME_ERROR
    assert result.message == "your code wrote to the harness's private channel while loading"
    assert [(c.id, c.status, c.actual) for c in result.cases] == [("1", "not_run", None)]


def test_expected_answers_are_nowhere_in_the_sandbox(order_total):
    token = "EXPECTED-" + secrets.token_hex(12)
    version = order_total.current_version
    hidden = version.cases.filter(visibility="hidden").first()
    hidden.expected = {"answer": token}
    hidden.save()
    search = (
        "import os, sys\n"
        "def order_total(items, coupon=None):\n"
        # Built at run time, so the candidate's own code (and its bytecode) doesn't hold it.
        f"    needle = ''.join(reversed({token[::-1]!r}))\n"
        "    hits = []\n"
        "    for root, dirs, files in os.walk('/'):\n"
        "        if root.startswith(('/proc', '/sys', '/dev')):\n"
        "            dirs[:] = []\n            continue\n"
        "        for name in files:\n"
        "            path = os.path.join(root, name)\n"
        "            try:\n"
        "                if needle.encode() in open(path, 'rb').read(4_000_000):\n"
        "                    hits.append(path)\n"
        "            except OSError:\n                pass\n"
        "    hits += [k for k, v in os.environ.items() if needle in v]\n"
        "    for pid in os.listdir('/proc'):\n"
        "        try:\n"
        "            if needle.encode() in open(f'/proc/{pid}/cmdline', 'rb').read():\n"
        "                hits.append(pid)\n"
        "        except OSError:\n            pass\n"
        "    return hits\n"
    )
    spec = python_kind.run_spec(version=version, code=search, cases=[hidden])
    assert all(token not in json.dumps(case.input) for case in spec.cases)
    result = run(spec)
    assert result.status == Status.OK
    assert [case.actual for case in result.cases] == [[]]


def test_runcode_refuses_bad_files_before_any_container(tmp_path):
    cases = {
        "nul.py": b"print(1)\x00",
        "latin1.py": b"print('caf\xe9')",
        "huge.py": b"#" * (settings.RUNNER["MAX_SOURCE_BYTES"] + 1),
    }
    messages = {
        "nul.py": "refused: the source contains a NUL byte",
        "latin1.py": "refused: the source is not valid UTF-8 (byte 10)",
        "huge.py": (
            f"refused: the source is {settings.RUNNER['MAX_SOURCE_BYTES'] + 1} bytes; "
            f"the limit is {settings.RUNNER['MAX_SOURCE_BYTES']} bytes"
        ),
    }
    before = docker_engine.sandbox_containers()
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        result = subprocess.run(
            [sys.executable, "manage.py", "runcode", str(path), "--json"],
            cwd=settings.BASE_DIR,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 1
        assert result.stdout == ""
        assert result.stderr.strip() == f"CommandError: {path}: {messages[name]}"
    assert docker_engine.sandbox_containers() == before
