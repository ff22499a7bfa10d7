"""Sandbox harness: runs candidate code in child processes and reports actual results.

Runs as PID 1 inside the sandbox container: root in the container's namespaces with only the
SETUID, SETGID and KILL capabilities, no network. Protocol (docs/runner.md): one JSON job on
stdin; one line `<nonce> <json>` on stdout.

The candidate's code never runs in this process. Children drop to the candidate's uid before
they exec, so they can't signal this process or open its /proc entries; they get their own
pipes, so their prints can't reach our stdout. Expected answers never come here.

Hidden cases run in a child of their own, separate from the visible cases' child, and are fed
one at a time (in the order the worker chose, shuffled per submission): the candidate's process
never holds the data of a case it is not running. With `redact_hidden` (every submission),
nothing a hidden case printed, raised or took in time leaves this process: only the value it
returned (or the exception it raised, as data: class names and a capped message), for the
worker to compare, and a status from a fixed set.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import resource
import selectors
import signal
import sys
import time

SANDBOX_DIR = "/sandbox"
CASE_RUNNER = "/opt/harness/case_runner.py"
SQL_RUNNER = "/opt/harness/sql_runner.py"
API_RUNNER = "/opt/harness/api_runner.py"
SCHEMA_RUNNER = "/opt/harness/schema_runner.py"
CHILD_ENV = {
    "PATH": "/usr/local/bin:/usr/bin:/bin",
    "HOME": SANDBOX_DIR,
    "LANG": "C.UTF-8",
    "PYTHONDONTWRITEBYTECODE": "1",
    "PYTHONUNBUFFERED": "1",
    "PYTHONHASHSEED": "0",
}
# The candidate's code runs as this uid/gid (the owner of the /sandbox tmpfs). None: don't
# switch (the harness's own tests on the host).
CANDIDATE_IDS: tuple[int, int] | None = (10001, 10001)
PR_SET_DUMPABLE = 4

# What a case may return: a value nested at most this deep and at most this large as JSON;
# over either, the case is refused (runtime_error / output_limit), never passed on.
MAX_DEPTH = 64
MAX_ACTUAL_BYTES = 1024 * 1024
# Everything the cases of one run return, together.
MAX_TOTAL_ACTUAL_BYTES = 4 * 1024 * 1024
# One event line from a child: a result with its value, printed output and traceback.
MAX_EVENT_LINE = MAX_ACTUAL_BYTES + 128 * 1024
# Statuses a child may claim for a case (any but "ok" only fails the case); memory limits and
# protocol breaches are decided here.
CHILD_STATUSES = {"ok", "runtime_error", "timeout", "output_limit"}


def make_undumpable() -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_DUMPABLE) failed")


def oom_kills() -> int:
    """How many processes the kernel's OOM killer has killed in this container's cgroup."""
    for path, key in (
        ("/sys/fs/cgroup/memory.events", "oom_kill"),  # cgroup v2
        ("/sys/fs/cgroup/memory/memory.oom_control", "oom_kill"),  # cgroup v1
    ):
        try:
            with open(path) as handle:
                for line in handle:
                    name, _, value = line.partition(" ")
                    if name == key:
                        return int(value)
        except (OSError, ValueError):
            continue
    return 0


def kill_strays() -> None:
    """Kill every process but this one: nothing a child left behind may outlive its turn."""
    me = os.getpid()
    for _ in range(3):
        found = False
        for name in os.listdir("/proc"):
            if name.isdigit() and int(name) != me:
                try:
                    os.kill(int(name), signal.SIGKILL)
                    found = True
                except (ProcessLookupError, PermissionError):
                    pass
        reap()
        if not found:
            return
        time.sleep(0.01)


def reap() -> None:
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def drop_privileges() -> None:
    """In a child, before exec: become the candidate (no capabilities survive the switch)."""
    if CANDIDATE_IDS is None or os.geteuid() != 0:
        return
    uid, gid = CANDIDATE_IDS
    os.setgroups([])
    os.setresgid(gid, gid, gid)
    os.setresuid(uid, uid, uid)


def child_limits(cpu_seconds: int, file_bytes: int):
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        resource.setrlimit(resource.RLIMIT_FSIZE, (file_bytes, file_bytes))

    return apply


def too_deep(value, limit: int = MAX_DEPTH) -> bool:
    """Is `value` (parsed JSON) nested deeper than `limit`? Iterative: any depth is safe."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False


def _refuse_constant(name: str):
    raise ValueError(f"{name} is not JSON")


def parse_event(line: bytes):
    """A child's event line as a dict, or None: children are untrusted, so this never raises."""
    try:
        event = json.loads(line, parse_constant=_refuse_constant)
    except Exception:  # RecursionError, MemoryError, ValueError: all just "malformed"
        return None
    return event if isinstance(event, dict) else None


class Child:
    """A child process with captured, capped stdout/stderr, a stdin it is fed through, and an
    optional event pipe (fd 3)."""

    def __init__(
        self,
        argv,
        *,
        cpu_seconds: int,
        job: dict,
        events: bool,
        files: dict[str, str] | None = None,
    ):
        self.output_cap = int(job["limits"]["output_bytes"])
        self.stdout = bytearray()
        self.stderr = bytearray()
        self.output_exceeded = False
        self.event_buffer = bytearray()
        self.events: list[dict | None] = []  # None: a malformed event
        self.oversized = False
        in_r, in_w = os.pipe()
        out_r, out_w = os.pipe()
        err_r, err_w = os.pipe()
        ev_r, ev_w = os.pipe() if events else (None, None)
        pid = os.fork()
        if pid == 0:  # child
            try:
                os.setsid()
                os.dup2(in_r, 0)
                os.dup2(out_w, 1)
                os.dup2(err_w, 2)
                if events:
                    os.dup2(ev_w, 3)
                keep = {0, 1, 2, 3} if events else {0, 1, 2}
                os.closerange(max(keep) + 1, 1024)
                drop_privileges()
                child_limits(cpu_seconds, int(job["limits"]["file_bytes"]))()
                os.chdir(SANDBOX_DIR)
                for name, text in (files or {}).items():
                    fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o600)
                    with os.fdopen(fd, "w", encoding="utf-8") as handle:
                        handle.write(text)
                os.execve(argv[0], argv, CHILD_ENV)
            finally:
                os._exit(127)
        self.pid = pid
        self.started = time.monotonic()
        for fd in (in_r, out_w, err_w, ev_w):
            if fd is not None:
                os.close(fd)
        self.selector = selectors.DefaultSelector()
        self.fds = {out_r: self.stdout, err_r: self.stderr}
        for fd in self.fds:
            self.selector.register(fd, selectors.EVENT_READ)
        self.ev_fd = ev_r
        if ev_r is not None:
            self.selector.register(ev_r, selectors.EVENT_READ)
        self.status = None
        self.rusage = None
        # stdin is written in the background of the read loop, so a child that doesn't read
        # can't block us; it stays open until close_input().
        self.stdin_fd = in_w
        os.set_blocking(in_w, False)
        self.pending = bytearray()
        self.stdin_watched = False
        self.close_when_drained = False

    def feed(self, data: bytes) -> None:
        if self.stdin_fd < 0:
            return
        self.pending += data
        if not self.stdin_watched:
            self.selector.register(self.stdin_fd, selectors.EVENT_WRITE)
            self.stdin_watched = True

    def close_input(self) -> None:
        self.close_when_drained = True
        if not self.pending:
            self._close_stdin()

    def _close_stdin(self) -> None:
        if self.stdin_fd < 0:
            return
        if self.stdin_watched:
            self.selector.unregister(self.stdin_fd)
            self.stdin_watched = False
        os.close(self.stdin_fd)
        self.stdin_fd = -1
        self.pending.clear()

    def _close(self, fd: int) -> None:
        self.selector.unregister(fd)
        os.close(fd)

    def pump(self, timeout: float) -> None:
        """Move data for up to `timeout` seconds; returns early on any activity."""
        for key, _ in self.selector.select(timeout):
            fd = key.fd
            if fd == self.stdin_fd:
                try:
                    written = os.write(fd, self.pending[:65536])
                    del self.pending[:written]
                except BlockingIOError:
                    pass
                except OSError:  # the child closed its stdin: it gets nothing more
                    self._close_stdin()
                    continue
                if not self.pending:
                    if self.close_when_drained:
                        self._close_stdin()
                    else:
                        self.selector.unregister(fd)
                        self.stdin_watched = False
                continue
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                chunk = b""
            if not chunk:
                self._close(fd)
                if fd == self.ev_fd:
                    self.ev_fd = None
                else:
                    self.fds.pop(fd)
                continue
            if fd == self.ev_fd:
                self._take_events(chunk)
                continue
            buffer = self.fds[fd]
            room = self.output_cap - len(self.stdout) - len(self.stderr)
            buffer += chunk[: max(room, 0)]
            if len(chunk) > room:
                self.output_exceeded = True

    def _take_events(self, chunk: bytes) -> None:
        self.event_buffer += chunk
        while b"\n" in self.event_buffer:
            line, _, rest = self.event_buffer.partition(b"\n")
            self.event_buffer = bytearray(rest)
            if len(line) > MAX_EVENT_LINE:
                self.oversized = True
                continue
            self.events.append(parse_event(line))
        if len(self.event_buffer) > MAX_EVENT_LINE:
            # A line that long is refused whatever follows; stop buffering it.
            self.oversized = True
            self.event_buffer.clear()

    def poll(self) -> bool:
        if self.status is None:
            try:
                pid, status, rusage = os.wait4(self.pid, os.WNOHANG)
            except ChildProcessError:  # reaped by a sweep already: it was killed
                pid, status, rusage = self.pid, signal.SIGKILL, None
            if pid:
                self.status, self.rusage = status, rusage
        return self.status is not None

    def stop(self) -> None:
        """Kill the child if it still runs and wait until it is gone."""
        if self.poll():
            return
        self.kill()
        deadline = time.monotonic() + 5
        while not self.poll() and time.monotonic() < deadline:
            time.sleep(0.001)

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.pid, signal.SIGKILL)
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(self.pid, signal.SIGKILL)

    def drain(self) -> None:
        """After exit: collect what is left in the pipes; their writers may be strays: kill them."""
        deadline = time.monotonic() + 0.5
        while (self.fds or self.ev_fd is not None) and time.monotonic() < deadline:
            self.pump(0.05)
        kill_strays()
        while self.fds or self.ev_fd is not None:
            before = (len(self.fds), self.ev_fd)
            self.pump(0.05)
            if (len(self.fds), self.ev_fd) == before:
                break
        self._close_stdin()
        for fd in [*self.fds, self.ev_fd]:
            if fd is not None and fd >= 0:
                with contextlib.suppress(KeyError, OSError, ValueError):
                    self._close(fd)
        self.fds = {}
        self.ev_fd = None

    @property
    def exit_code(self):
        return os.waitstatus_to_exitcode(self.status) if self.status is not None else None

    @property
    def cpu_time_ms(self) -> int:
        return int((self.rusage.ru_utime + self.rusage.ru_stime) * 1000) if self.rusage else 0

    @property
    def peak_rss_kb(self) -> int:
        return int(self.rusage.ru_maxrss) if self.rusage else 0


def text(data: bytes) -> str:
    return bytes(data).decode("utf-8", errors="replace")


def signal_status(exit_code, oom_before: int) -> str:
    if exit_code is None or exit_code >= 0:
        return "runtime_error"
    if oom_kills() > oom_before:
        return "memory_limit"
    if -exit_code == signal.SIGXCPU:
        return "timeout"
    return "runtime_error"


class Usage:
    """What the candidate's processes printed and used, counted for the visible cases only when
    hidden cases are redacted (a hidden case's time or memory would carry its data)."""

    def __init__(self):
        self.stdout = bytearray()
        self.stderr = bytearray()
        self.cpu_ms = 0
        self.peak_kb = 0
        self.wall_ms = 0
        self.output_truncated = False

    def add(self, child: Child, wall_ms: int) -> None:
        self.stdout += child.stdout
        self.stderr += child.stderr
        self.cpu_ms += child.cpu_time_ms
        self.peak_kb = max(self.peak_kb, child.peak_rss_kb)
        self.wall_ms += wall_ms
        self.output_truncated = self.output_truncated or child.output_exceeded

    def report(self) -> dict:
        return {
            "stdout": text(self.stdout),
            "stderr": text(self.stderr),
            "output_truncated": self.output_truncated,
            "wall_time_ms": self.wall_ms,
            "cpu_time_ms": self.cpu_ms,
            "peak_memory_kb": self.peak_kb,
        }


class Budget:
    """The run's clock: each case its own budget, loading its own share, and a total cap so a
    child that is restarted again and again can't stretch the run."""

    def __init__(self, job: dict, case_count: int):
        limits = job["limits"]
        self.case_s = float(limits["case_time_s"])
        self.import_s = float(limits.get("import_time_s", self.case_s))
        self.deadline = time.monotonic() + self.case_s * max(1, case_count) + 2 * self.import_s

    def cpu_seconds(self) -> int:
        return max(1, int(self.deadline - time.monotonic() + 1.999))

    def exhausted(self) -> bool:
        return time.monotonic() >= self.deadline


def case_result(case_id: str, status: str, *, actual=None, error: str = "", time_ms: int = 0):
    return {"id": case_id, "status": status, "actual": actual, "error": error, "time_ms": time_ms}


def checked_actual(event: dict, used: list[int]) -> tuple[str, object, str]:
    """(status, actual, error) of a child's result event, refusing what no case may return."""
    status = event.get("status")
    if status not in CHILD_STATUSES:
        return "runtime_error", None, "the result was not reported through the harness"
    error = event.get("error", "")
    error = error[:4000] if isinstance(error, str) else ""
    if status != "ok":
        return status, None, error
    actual = event.get("actual")
    if too_deep(actual):
        return "runtime_error", None, f"the returned value is nested more than {MAX_DEPTH} deep"
    size = len(json.dumps(actual, ensure_ascii=True))
    if size > MAX_ACTUAL_BYTES:
        return "output_limit", None, f"the returned value is larger than {MAX_ACTUAL_BYTES} bytes"
    if used[0] + size > MAX_TOTAL_ACTUAL_BYTES:
        return "output_limit", None, "the values returned by this run are too large together"
    used[0] += size
    # An "ok" case may carry the tracebacks of exceptions it reports as outcomes (case_runner).
    return "ok", actual, error


def run_group(
    job: dict,
    cases: list[dict],
    *,
    runner: str,
    filename: str,
    budget: Budget,
    usage: Usage | None,
    used: list[int],
) -> tuple[dict[str, dict], dict | None, bool]:
    """Run `cases` through one child at a time, feeding each case only when the previous one
    has reported. Returns (results by case id, load error or None, output exceeded)."""
    results: dict[str, dict] = {}
    pending = list(cases)
    load_error = None
    output_exceeded = False
    request = {
        "source_path": os.path.join(SANDBOX_DIR, filename),
        "entrypoint": job.get("entrypoint", ""),
        "case_time_s": budget.case_s,
        "factory": bool(job.get("factory")),
        "describe": job.get("mode") == "sql_describe",
        "dml": job.get("mode") == "sql_dml_cases",
    }
    while pending and load_error is None and not output_exceeded:
        if budget.exhausted():
            break
        oom_before = oom_kills()
        child = Child(
            [sys.executable, "-I", "-B", runner],
            cpu_seconds=budget.cpu_seconds(),
            job=job,
            events=True,
            files={filename: job["source"]},
        )
        child.feed((json.dumps(request) + "\n").encode())
        state = {"ready": False, "current": None, "started": 0.0, "seen": 0}

        def settle_case(
            status: str, *, actual=None, error: str = "", output: str = "", state=state
        ) -> None:
            case = state["current"]
            elapsed = int((time.monotonic() - state["started"]) * 1000)
            results[case["id"]] = case_result(
                case["id"], status, actual=actual, error=error, time_ms=elapsed
            )
            if output:
                results[case["id"]]["output"] = output
            state["current"] = None

        def take_events(child: Child = child, state=state) -> str | None:
            """Apply new events; returns a problem that ends this child, or None."""
            nonlocal load_error
            while state["seen"] < len(child.events):
                event = child.events[state["seen"]]
                state["seen"] += 1
                event_type = event.get("event") if event else None
                if not state["ready"]:
                    if event_type == "ready":
                        state["ready"] = True
                        continue
                    if event_type == "load_error":
                        load_error = {
                            "status": "syntax_error"
                            if event.get("kind") == "syntax_error"
                            else "runtime_error",
                            "error": str(event.get("error", ""))[:8000],
                        }
                        return "load error"
                    load_error = {
                        "status": "runtime_error",
                        "error": "your code wrote to the harness's private channel while loading",
                    }
                    return "protocol"
                if state["current"] is None:
                    # Only the runner speaks, and only to answer a case: this was the code.
                    return "protocol"
                if event_type == "result":
                    status, actual, error = checked_actual(event, used)
                    output = event.get("output")
                    output = output[:20000] if isinstance(output, str) else ""
                    settle_case(status, actual=actual, error=error, output=output)
                elif event_type == "load_error" and event.get("kind") == "syntax_error":
                    # The SQL runner compiles the query against the first case's schema.
                    results[state["current"]["id"]] = case_result(
                        state["current"]["id"], "not_run", error="not run"
                    )
                    state["current"] = None
                    load_error = {"status": "syntax_error", "error": str(event.get("error", ""))}
                    return "load error"
                else:
                    settle_case(
                        "runtime_error",
                        error="your code wrote to the harness's private channel during this case",
                    )
                    return "protocol"
            return None

        while True:
            exited = child.poll()
            problem = take_events()
            if problem:
                child.kill()
            elif child.oversized and state["current"] is not None:
                child.kill()
                settle_case(
                    "output_limit",
                    error=f"the returned value is larger than {MAX_ACTUAL_BYTES} bytes",
                )
            elif child.oversized:
                child.kill()
                if not state["ready"]:
                    load_error = {"status": "runtime_error", "error": "oversized harness event"}
            elif state["ready"] and state["current"] is None and not exited:
                if pending:
                    state["current"] = pending.pop(0)
                    state["started"] = time.monotonic()
                    case = state["current"]
                    line = json.dumps({"id": case["id"], "input": case["input"]}) + "\n"
                    child.feed(line.encode())
                else:
                    child.close_input()
            if exited or problem or child.oversized:
                break
            now = time.monotonic()
            if child.output_exceeded:
                child.kill()
                output_exceeded = True
                break
            if not state["ready"] and now - child.started > budget.import_s:
                child.kill()
                load_error = {
                    "status": "timeout",
                    "error": f"loading your code took longer than {budget.import_s:g} s",
                }
                break
            if state["current"] is not None and now - state["started"] > budget.case_s:
                child.kill()
                settle_case("timeout", error=f"took longer than {budget.case_s:g} s")
                break
            if budget.exhausted():
                child.kill()
                break
            child.pump(0.01)
        wall_ms = int((time.monotonic() - child.started) * 1000)
        child.stop()
        # Events may still sit in the pipe after the child exited: read them before judging.
        child.drain()
        if not problem:
            take_events()
        if child.oversized and state["current"] is not None:
            settle_case(
                "output_limit", error=f"the returned value is larger than {MAX_ACTUAL_BYTES} bytes"
            )
        if child.output_exceeded:
            output_exceeded = True
        if usage is not None:
            usage.add(child, wall_ms)
        if state["current"] is not None:
            # The child died during this case: that case's fault only.
            exit_code = child.exit_code
            status = "output_limit" if output_exceeded else signal_status(exit_code, oom_before)
            settle_case(
                status,
                error={
                    "output_limit": "printed more output than allowed",
                    "memory_limit": "ran out of memory",
                    "timeout": "used more CPU time than allowed",
                }.get(status, f"the process exited during this case (exit {exit_code})"),
            )
        elif not state["ready"] and load_error is None and not output_exceeded:
            if budget.exhausted():
                break
            status = signal_status(child.exit_code, oom_before)
            load_error = {
                "status": status if status != "runtime_error" else "runtime_error",
                "error": (
                    f"the program exited before running any case (exit {child.exit_code})"
                    + (f"\n{text(child.stderr)[-2000:]}" if child.stderr else "")
                ),
            }
    for case in pending:
        if output_exceeded:
            results[case["id"]] = case_result(
                case["id"], "output_limit", error="not run: output limit reached"
            )
        elif load_error is not None:
            results[case["id"]] = case_result(case["id"], "not_run", error="not run")
        else:
            results[case["id"]] = case_result(
                case["id"], "timeout", error="not run: the run's total time ran out"
            )
    return results, load_error, output_exceeded


def redacted(result: dict) -> dict:
    """A hidden case as it may leave the sandbox: its id, a status word and the returned value."""
    return {"id": result["id"], "status": result["status"], "actual": result["actual"]}


def run_cases(job: dict, runner: str = "", filename: str = "solution.py") -> dict:
    """Call the candidate's entrypoint (or query) once per case, visible cases in one child and
    hidden cases in another, each case with its own budget."""
    runner = runner or CASE_RUNNER
    cases = [
        {"id": str(case["id"]), "input": case["input"], "hidden": bool(case.get("hidden"))}
        for case in job["cases"]
    ]
    visible = [case for case in cases if not case["hidden"]]
    hidden = [case for case in cases if case["hidden"]]
    redact = bool(job.get("redact_hidden", True))
    budget = Budget(job, len(cases))
    started = time.monotonic()
    usage = Usage()
    used = [0]
    results, load_error, output_exceeded = run_group(
        job,
        visible,
        runner=runner,
        filename=filename,
        budget=budget,
        usage=usage,
        used=used,
    )
    hidden_results: dict[str, dict] = {}
    if hidden and load_error is None and not output_exceeded:
        hidden_results, hidden_load_error, _ = run_group(
            job,
            hidden,
            runner=runner,
            filename=filename,
            budget=budget,
            usage=None if redact else usage,
            used=used,
        )
        if hidden_load_error is not None:
            # The code loaded for the visible cases but not here: every hidden case fails.
            status = "timeout" if hidden_load_error["status"] == "timeout" else "runtime_error"
            for case in hidden:
                if hidden_results[case["id"]]["status"] == "not_run":
                    hidden_results[case["id"]] = case_result(
                        case["id"], status, error="" if redact else hidden_load_error["error"]
                    )
    else:
        for case in hidden:
            hidden_results[case["id"]] = case_result(
                case["id"], "output_limit" if output_exceeded else "not_run", error="not run"
            )
    if redact:
        hidden_results = {key: redacted(value) for key, value in hidden_results.items()}
    results.update(hidden_results)
    status = "ok"
    if load_error:
        status = load_error["status"]
    elif output_exceeded:
        status = "output_limit"
    report = usage.report()
    if not redact or not hidden:
        report["wall_time_ms"] = int((time.monotonic() - started) * 1000)
    return {
        "status": status,
        "exit_code": 0,
        "signal": None,
        **report,
        "load_error": load_error["error"] if load_error else "",
        "cases": [results[case["id"]] for case in cases],
    }


def run_program(job: dict) -> dict:
    """Run the source as a script with the given stdin; report exit, output and usage."""
    return run_script(job.get("stdin", ""), float(job["limits"]["time_s"]), job)


def run_program_cases(job: dict) -> dict:
    """Run the script once per case, each with its own stdin and time budget; visible cases
    first, then hidden ones (redacted like run_cases)."""
    limit = float(job["limits"]["case_time_s"])
    redact = bool(job.get("redact_hidden", True))
    ordered = sorted(job["cases"], key=lambda case: bool(case.get("hidden")))
    usage = Usage()
    started = time.monotonic()
    results: dict[str, dict] = {}
    stopped = False
    for case in ordered:
        case_id = str(case["id"])
        hidden = bool(case.get("hidden"))
        if stopped:
            results[case_id] = case_result(
                case_id, "output_limit", error="not run: output limit reached"
            )
            continue
        stdin = case["input"].get("stdin", "") if isinstance(case["input"], dict) else ""
        run, child = run_script_child(str(stdin), limit, job)
        if not (hidden and redact):
            usage.add(child, run["wall_time_ms"])
        error = run["stderr"][-4000:]
        if run["status"] == "timeout":
            error = f"took longer than {limit:g} s"
        elif run["status"] == "runtime_error" and not error:
            error = f"exited with status {run['exit_code']}"
        result = case_result(
            case_id,
            run["status"],
            actual={"stdout": run["stdout"]} if run["status"] == "ok" else None,
            error=error if run["status"] != "ok" else "",
            time_ms=run["wall_time_ms"],
        )
        results[case_id] = redacted(result) if hidden and redact else result
        if run["status"] == "output_limit" and not hidden:
            stopped = True
    report = usage.report()
    report["stderr"] = report["stderr"][-65536:]
    if not redact:
        report["wall_time_ms"] = int((time.monotonic() - started) * 1000)
    return {
        "status": "ok",
        "exit_code": 0,
        "signal": None,
        **report,
        "cases": [results[str(case["id"])] for case in job["cases"]],
    }


def run_script(stdin: str, limit: float, job: dict) -> dict:
    run, _ = run_script_child(stdin, limit, job)
    return run


def run_script_child(stdin: str, limit: float, job: dict) -> tuple[dict, Child]:
    oom_before = oom_kills()
    child = Child(
        [sys.executable, "-B", os.path.join(SANDBOX_DIR, "main.py")],
        cpu_seconds=max(1, int(limit + 0.999)),
        job=job,
        events=False,
        files={"main.py": job["source"]},
    )
    child.feed(stdin.encode())
    child.close_input()
    deadline = child.started + limit
    status = None
    while not child.poll():
        if child.output_exceeded:
            child.kill()
            status = "output_limit"
        elif time.monotonic() > deadline:
            child.kill()
            status = "timeout"
        child.pump(0.02)
    wall_ms = int((time.monotonic() - child.started) * 1000)
    child.drain()
    exit_code = child.exit_code
    if status is None:
        if child.output_exceeded:
            status = "output_limit"
        elif exit_code == 0:
            status = "ok"
        elif exit_code is not None and exit_code < 0:
            status = signal_status(exit_code, oom_before)
        else:
            status = "runtime_error"
    run = {
        "status": status,
        "exit_code": exit_code if exit_code is None or exit_code >= 0 else None,
        "signal": -exit_code if exit_code is not None and exit_code < 0 else None,
        "stdout": text(child.stdout),
        "stderr": text(child.stderr),
        "output_truncated": child.output_exceeded,
        "wall_time_ms": wall_ms,
        "cpu_time_ms": child.cpu_time_ms,
        "peak_memory_kb": child.peak_rss_kb,
    }
    return run, child


def run_sql_cases(job: dict) -> dict:
    """Run the candidate's query against each case's freshly built database."""
    return run_cases(job, runner=SQL_RUNNER, filename="query.sql")


def run_api_cases(job: dict) -> dict:
    """Drive the candidate's web app through each scenario's requests, in-process."""
    return run_cases(job, runner=API_RUNNER, filename="app.py")


def run_schema_cases(job: dict) -> dict:
    """Build the candidate's schema per case and run the author's steps against it."""
    return run_cases(job, runner=SCHEMA_RUNNER, filename="schema.sql")


MODES = {
    "api_cases": run_api_cases,
    "program": run_program,
    "program_cases": run_program_cases,
    "python_cases": run_cases,
    "sql_cases": run_sql_cases,
    "sql_describe": run_sql_cases,
    "sql_dml_cases": run_sql_cases,
    "schema_cases": run_schema_cases,
}


def main() -> None:
    raw = sys.stdin.buffer.read()
    job = json.loads(raw)
    nonce = str(job["nonce"])
    make_undumpable()
    try:
        result = MODES[job["mode"]](job)
        line = nonce + " " + json.dumps(result, ensure_ascii=True, allow_nan=False) + "\n"
    except Exception as exc:  # the harness's own failure: reported, never blamed on the code
        result = {"status": "harness_error", "error": f"{type(exc).__name__}: {exc}"}
        line = nonce + " " + json.dumps(result, ensure_ascii=True) + "\n"
    kill_strays()
    sys.stdout.buffer.write(line.encode())
    sys.stdout.buffer.flush()


if __name__ == "__main__":
    main()
