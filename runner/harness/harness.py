"""Sandbox harness: runs candidate code in child processes and reports actual results.

Runs as PID 1 inside the sandbox container (uid 10001, no capabilities, no network).
Protocol (docs/runner.md): one JSON job on stdin; one line `<nonce> <json>` on stdout.
The candidate's code never runs in this process: children get their own pipes, so their
prints cannot reach our stdout, and this process is made non-dumpable so they cannot read
the nonce from /proc or write to our file descriptors. Expected answers never come here.
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
CHILD_ENV = {
    "PATH": "/usr/local/bin:/usr/bin:/bin",
    "HOME": SANDBOX_DIR,
    "LANG": "C.UTF-8",
    "PYTHONDONTWRITEBYTECODE": "1",
    "PYTHONUNBUFFERED": "1",
    "PYTHONHASHSEED": "0",
}
MAX_EVENT_LINE = 4 * 1024 * 1024
PR_SET_DUMPABLE = 4


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


def child_limits(cpu_seconds: int, file_bytes: int):
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        resource.setrlimit(resource.RLIMIT_FSIZE, (file_bytes, file_bytes))

    return apply


class Child:
    """A child process with captured, capped stdout/stderr and an optional event pipe."""

    def __init__(self, argv, *, stdin_data: bytes, cpu_seconds: int, job: dict, events: bool):
        self.output_cap = int(job["limits"]["output_bytes"])
        self.stdout = bytearray()
        self.stderr = bytearray()
        self.output_exceeded = False
        self.event_buffer = bytearray()
        self.events: list[dict] = []
        self.protocol_error = ""
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
                child_limits(cpu_seconds, int(job["limits"]["file_bytes"]))()
                os.chdir(SANDBOX_DIR)
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
        self._write_stdin(in_w, stdin_data)

    def _write_stdin(self, fd: int, data: bytes) -> None:
        # Write in the background of the read loop so a child that doesn't read can't block us.
        self.stdin_fd = fd
        self.stdin_data = memoryview(data)
        os.set_blocking(fd, False)
        self.selector.register(fd, selectors.EVENT_WRITE)

    def _close(self, fd: int) -> None:
        self.selector.unregister(fd)
        os.close(fd)

    def pump(self, timeout: float) -> None:
        """Move data for up to `timeout` seconds; returns early on any activity."""
        for key, _ in self.selector.select(timeout):
            fd = key.fd
            if fd == self.stdin_fd:
                try:
                    written = os.write(fd, self.stdin_data[:65536])
                    self.stdin_data = self.stdin_data[written:]
                except (BrokenPipeError, BlockingIOError) as exc:
                    if isinstance(exc, BrokenPipeError):
                        self.stdin_data = self.stdin_data[:0]
                if not self.stdin_data:
                    self._close(fd)
                    self.stdin_fd = -1
                continue
            chunk = os.read(fd, 65536)
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
            try:
                event = json.loads(line)
                if not isinstance(event, dict):
                    raise ValueError("event is not an object")
                self.events.append(event)
            except ValueError as exc:
                self.protocol_error = f"malformed harness event: {exc}"
        if len(self.event_buffer) > MAX_EVENT_LINE:
            self.protocol_error = "harness event too large"
            self.event_buffer.clear()

    def poll(self) -> bool:
        if self.status is None:
            pid, status, rusage = os.wait4(self.pid, os.WNOHANG)
            if pid:
                self.status, self.rusage = status, rusage
        return self.status is not None

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.pid, signal.SIGKILL)

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
        for fd in [*self.fds, self.ev_fd, self.stdin_fd]:
            if fd is not None and fd >= 0:
                with contextlib.suppress(KeyError, OSError, ValueError):
                    self._close(fd)

    def wait_exit(self) -> None:
        while not self.poll():
            self.pump(0.02)

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


def write_source(source: str, name: str) -> str:
    path = os.path.join(SANDBOX_DIR, name)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(source)
    return path


def run_program(job: dict) -> dict:
    """Run the source as a script with the given stdin; report exit, output and usage."""
    path = write_source(job["source"], "main.py")
    return run_script(path, job.get("stdin", ""), float(job["limits"]["time_s"]), job)


def run_program_cases(job: dict) -> dict:
    """Run the script once per case, each with its own stdin and time budget."""
    path = write_source(job["source"], "main.py")
    limit = float(job["limits"]["case_time_s"])
    started = time.monotonic()
    runs, cases = [], []
    for case in job["cases"]:
        run = run_script(path, str(case["input"].get("stdin", "")), limit, job)
        runs.append(run)
        error = run["stderr"][-4000:]
        if run["status"] == "timeout":
            error = f"took longer than {limit:g} s"
        elif run["status"] == "runtime_error" and not error:
            error = f"exited with status {run['exit_code']}"
        cases.append(
            {
                "id": case["id"],
                "status": run["status"],
                "actual": {"stdout": run["stdout"]} if run["status"] == "ok" else None,
                "error": error if run["status"] != "ok" else "",
                "time_ms": run["wall_time_ms"],
            }
        )
        if run["status"] == "output_limit":
            break
    for case in job["cases"][len(cases) :]:
        cases.append(
            {
                "id": case["id"],
                "status": "output_limit",
                "actual": None,
                "error": "not run: output limit reached",
                "time_ms": 0,
            }
        )
    return {
        "status": "ok",
        "exit_code": 0,
        "signal": None,
        "stdout": "",
        "stderr": "".join(run["stderr"] for run in runs)[-65536:],
        "output_truncated": any(run["output_truncated"] for run in runs),
        "wall_time_ms": int((time.monotonic() - started) * 1000),
        "cpu_time_ms": sum(run["cpu_time_ms"] for run in runs),
        "peak_memory_kb": max((run["peak_memory_kb"] for run in runs), default=0),
        "cases": cases,
    }


def run_script(path: str, stdin: str, limit: float, job: dict) -> dict:
    oom_before = oom_kills()
    child = Child(
        [sys.executable, "-B", path],
        stdin_data=stdin.encode(),
        cpu_seconds=max(1, int(limit + 0.999)),
        job=job,
        events=False,
    )
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
    return {
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


def run_cases(job: dict, runner: str = "", filename: str = "solution.py") -> dict:
    """Call the candidate's entrypoint (or query) once per case, each with its own budget."""
    runner = runner or CASE_RUNNER
    write_source(job["source"], filename)
    case_budget = float(job["limits"]["case_time_s"])
    cases = list(job["cases"])
    results: dict[str, dict] = {}
    stdout, stderr = bytearray(), bytearray()
    peak_kb, cpu_ms = 0, 0
    load_error = None
    output_exceeded = False
    started_all = time.monotonic()
    while True:
        remaining = [case for case in cases if case["id"] not in results]
        if not remaining or load_error or output_exceeded:
            break
        pending_ids = {case["id"] for case in remaining}
        request = {
            "source_path": os.path.join(SANDBOX_DIR, filename),
            "entrypoint": job["entrypoint"],
            "case_time_s": case_budget,
            "factory": bool(job.get("factory")),
            "cases": remaining,
        }
        oom_before = oom_kills()
        child = Child(
            [sys.executable, "-I", "-B", runner],
            stdin_data=json.dumps(request).encode(),
            cpu_seconds=max(1, int(case_budget * len(remaining) + 1.999)),
            job=job,
            events=True,
        )
        current, current_started, seen = None, None, 0

        def take_events(child: Child = child, pending_ids: set = pending_ids) -> None:
            nonlocal current, current_started, seen, load_error
            for event in child.events[seen:]:
                seen += 1
                kind = event.get("event")
                if kind == "start":
                    case_id = str(event.get("id"))
                    if case_id not in pending_ids or case_id in results:
                        # Only the child's own runner announces cases, in order; anything
                        # else was written by the candidate's code to our pipe.
                        child.protocol_error = f"unexpected case start {case_id[:40]!r}"
                        child.kill()
                        continue
                    current, current_started = case_id, time.monotonic()
                elif kind == "result" and current is not None:
                    results[current] = {
                        "id": current,
                        "status": event.get("status", "runtime_error"),
                        "actual": event.get("actual"),
                        "error": str(event.get("error", ""))[:4000],
                        "time_ms": int(event.get("time_ms", 0)),
                        "output": str(event.get("output", ""))[:20000],
                    }
                    current = None
                elif kind == "load_error":
                    load_error = {
                        "kind": str(event.get("kind", "runtime_error")),
                        "error": str(event.get("error", ""))[:8000],
                    }

        while True:
            exited = child.poll()
            take_events()
            if exited:
                break
            if child.output_exceeded:
                child.kill()
                output_exceeded = True
            elif current is not None and time.monotonic() - current_started > case_budget:
                child.kill()
                results[current] = {
                    "id": current,
                    "status": "timeout",
                    "actual": None,
                    "error": f"took longer than {case_budget:g} s",
                    "time_ms": int(case_budget * 1000),
                }
                current = None
            child.pump(0.01)
        # The child may exit before we have read its last events: they are in the pipe still.
        child.drain()
        take_events()
        peak_kb = max(peak_kb, child.peak_rss_kb)
        cpu_ms += child.cpu_time_ms
        stdout += child.stdout
        stderr += child.stderr
        # A case that was running when the child died unexpectedly is that case's fault only.
        if current is not None and current not in results:
            exit_code = child.exit_code
            status = "output_limit" if output_exceeded else signal_status(exit_code, oom_before)
            results[current] = {
                "id": current,
                "status": status,
                "actual": None,
                "error": {
                    "output_limit": "printed more output than allowed",
                    "memory_limit": "ran out of memory",
                    "timeout": "used more CPU time than allowed",
                }.get(status, f"the process exited during this case (exit {exit_code})"),
                "time_ms": int((time.monotonic() - (current_started or time.monotonic())) * 1000),
            }
        elif (
            not load_error
            and not output_exceeded
            and (child.protocol_error or pending_ids.isdisjoint(results))
        ):
            # No case finished in this child (it exited before its first case, or broke the
            # protocol): report it instead of starting another child that would do the same.
            reason = child.protocol_error or (
                f"the program exited before running any case (exit {child.exit_code})"
            )
            load_error = {
                "kind": "runtime_error",
                "error": reason + (f"\n{text(child.stderr)[-2000:]}" if child.stderr else ""),
            }
    for case in cases:
        if case["id"] not in results:
            results[case["id"]] = {
                "id": case["id"],
                "status": "output_limit" if output_exceeded else "not_run",
                "actual": None,
                "error": "not run: output limit reached" if output_exceeded else "not run",
                "time_ms": 0,
            }
    status = "ok"
    if load_error:
        status = load_error["kind"]
    elif output_exceeded:
        status = "output_limit"
    return {
        "status": status,
        "exit_code": 0,
        "signal": None,
        "stdout": text(stdout),
        "stderr": text(stderr),
        "output_truncated": output_exceeded,
        "wall_time_ms": int((time.monotonic() - started_all) * 1000),
        "cpu_time_ms": cpu_ms,
        "peak_memory_kb": peak_kb,
        "load_error": load_error["error"] if load_error else "",
        "cases": [results[case["id"]] for case in cases],
    }


def run_sql_cases(job: dict) -> dict:
    """Run the candidate's query against each case's freshly built database."""
    return run_cases(job, runner=SQL_RUNNER, filename="query.sql")


def run_api_cases(job: dict) -> dict:
    """Drive the candidate's web app through each scenario's requests, in-process."""
    return run_cases(job, runner=API_RUNNER, filename="app.py")


MODES = {
    "api_cases": run_api_cases,
    "program": run_program,
    "program_cases": run_program_cases,
    "python_cases": run_cases,
    "sql_cases": run_sql_cases,
}


def main() -> None:
    raw = sys.stdin.buffer.read()
    job = json.loads(raw)
    nonce = str(job["nonce"])
    make_undumpable()
    try:
        result = MODES[job["mode"]](job)
    except Exception as exc:  # the harness's own failure: reported, never blamed on the code
        result = {"status": "harness_error", "error": f"{type(exc).__name__}: {exc}"}
    kill_strays()
    line = nonce + " " + json.dumps(result, ensure_ascii=True) + "\n"
    sys.stdout.buffer.write(line.encode())
    sys.stdout.buffer.flush()


if __name__ == "__main__":
    main()
