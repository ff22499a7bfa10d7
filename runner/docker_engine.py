"""The Docker engine, the only module that talks to Docker: one fresh, locked-down container
per execution (`DockerEngine`, the default `RUNNER["ENGINE"]`)."""

from __future__ import annotations

import contextlib
import logging
import os
import select
import socket
import struct
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime

import docker
from docker.errors import APIError, DockerException, ImageNotFound, NotFound
from docker.types import Ulimit

from runner.engine import EngineUnavailable, Execution
from runner.pool import ContainerPool
from runner.specs import Limits

logger = logging.getLogger(__name__)

SANDBOX_LABEL = "org.interview.sandbox"
OWNER_LABEL = "org.interview.sandbox.owner"
# The harness starts as root in the container's namespaces with only the capabilities it needs
# to run the candidate's code as another user (SETUID, SETGID) and to clean up after it (KILL);
# the candidate's processes run as 10001 with none (runner/harness/harness.py).
HARNESS_USER = "0:0"
HARNESS_CAPABILITIES = ["SETUID", "SETGID", "KILL"]
# The sandbox image holds the harness (platform/sandbox/Dockerfile copies runner/harness/).
HARNESS_COMMAND = ["python3", "-I", "/opt/harness/harness.py"]

_clients: dict[str, docker.DockerClient] = {}
_client_lock = threading.Lock()


class DockerEngine:
    """Runs the harness in a fresh container of `image` on the engine at `docker_host` (empty:
    the local socket), with `pool_size` containers per limits created ahead of need."""

    def __init__(self, *, image: str, docker_host: str = "", pool_size: int = 1):
        if not isinstance(image, str) or not image:
            raise TypeError("image must be a non-empty image name")
        self.image = image
        self.docker_host = docker_host or ""
        self.pool = ContainerPool(size=max(0, int(pool_size)), discard=discard)

    def execute(
        self,
        *,
        stdin: bytes,
        limits: Limits,
        wall_timeout_s: float,
        stdout_cap: int,
        stderr_cap: int,
    ) -> Execution:
        prepared = self.pool.take(
            limits,
            lambda: create(
                image=self.image,
                command=HARNESS_COMMAND,
                limits=limits,
                docker_host=self.docker_host,
            ),
        )
        try:
            return run_prepared(
                prepared,
                stdin=stdin,
                wall_timeout_s=wall_timeout_s,
                stdout_cap=stdout_cap,
                stderr_cap=stderr_cap,
            )
        finally:
            # Removal happens in the background, after the caller has its result.
            self.pool.release(prepared)

    def status(self) -> tuple[bool, str]:
        try:
            engine_info(self.docker_host)
            if not image_present(self.image, self.docker_host):
                return (
                    False,
                    f"the sandbox image {self.image!r} is missing (run platform/sandbox/build.sh)",
                )
        except EngineUnavailable as exc:
            return False, str(exc)
        return True, "ready"

    def remove_stale(self, *, older_than_s: float) -> int:
        try:
            return remove_stale_containers(older_than_s=older_than_s, docker_host=self.docker_host)
        except DockerException as exc:
            reset_client()
            raise EngineUnavailable(f"Docker engine unreachable: {exc}") from exc

    def settle(self, timeout_s: float) -> None:
        self.pool.drain(timeout_s)

    def close(self) -> None:
        self.pool.close()


def client(docker_host: str = "") -> docker.DockerClient:
    """A client per engine address, created on first use (version negotiated with the engine)."""
    with _client_lock:
        if docker_host not in _clients:
            environment = dict(os.environ)
            if docker_host:
                environment["DOCKER_HOST"] = docker_host
            try:
                _clients[docker_host] = docker.from_env(
                    version="auto", timeout=30, environment=environment
                )
            except DockerException as exc:
                raise EngineUnavailable(f"Docker engine unreachable: {exc}") from exc
        return _clients[docker_host]


def reset_client() -> None:
    """Forget the cached clients (after the engine restarts, or in tests)."""
    with _client_lock:
        _clients.clear()


def engine_info(docker_host: str = "") -> dict:
    try:
        return client(docker_host).info()
    except DockerException as exc:
        reset_client()
        raise EngineUnavailable(f"Docker engine unreachable: {exc}") from exc


def image_present(image: str, docker_host: str = "") -> bool:
    try:
        client(docker_host).images.get(image)
        return True
    except ImageNotFound:
        return False
    except DockerException as exc:
        reset_client()
        raise EngineUnavailable(f"Docker engine unreachable: {exc}") from exc


def host_config(api, limits: Limits) -> dict:
    memory = f"{limits.memory_mb}m"
    tmpfs_opts = f"rw,nosuid,nodev,size={limits.tmpfs_mb}m,uid=10001,gid=10001,mode=0700"
    return api.create_host_config(
        network_mode="none",
        cap_drop=["ALL"],
        cap_add=HARNESS_CAPABILITIES,
        security_opt=["no-new-privileges"],
        read_only=True,
        tmpfs={
            "/sandbox": tmpfs_opts,
            "/tmp": tmpfs_opts + ",noexec",  # noqa: S108 (the container's own /tmp)
        },
        pids_limit=limits.pids,
        mem_limit=memory,
        memswap_limit=memory,  # equal to mem_limit: no swap
        nano_cpus=int(limits.cpus * 1e9),
        ulimits=[
            Ulimit(name="nofile", soft=256, hard=256),
            Ulimit(
                name="fsize", soft=limits.tmpfs_mb * 1024 * 1024, hard=limits.tmpfs_mb * 1024 * 1024
            ),
            Ulimit(name="core", soft=0, hard=0),
        ],
        ipc_mode="private",
        log_config={"type": "none"},  # output comes through the attach stream, capped by us
        auto_remove=False,
    )


@dataclass
class Prepared:
    """A created container with its attach stream open, ready to start exactly once."""

    container_id: str
    sock: socket.socket
    response: object  # keeps the HTTP response (and so the socket) alive
    docker_host: str
    created_at: float


def owner_label() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def create(*, image: str, command: list[str], limits: Limits, docker_host: str = "") -> Prepared:
    """Create a locked-down container and attach to its streams; it is not started yet."""
    try:
        api = client(docker_host).api
        container = api.create_container(
            image,
            command=command,
            user=HARNESS_USER,
            working_dir="/sandbox",
            environment={},
            hostname="sandbox",
            stdin_open=True,  # with detach=False this also sets StdinOnce: EOF ends stdin
            tty=False,
            network_disabled=True,
            labels={SANDBOX_LABEL: "1", OWNER_LABEL: owner_label()},
            host_config=host_config(api, limits),
        )
    except ImageNotFound as exc:
        raise EngineUnavailable(f"sandbox image {image!r} is missing: {exc}") from exc
    except DockerException as exc:
        reset_client()
        raise EngineUnavailable(f"could not create a sandbox: {exc}") from exc
    container_id = container["Id"]
    try:
        response = api.attach_socket(
            container_id, params={"stdin": 1, "stdout": 1, "stderr": 1, "stream": 1}
        )
    except DockerException as exc:
        remove(container_id, docker_host)
        raise EngineUnavailable(f"could not attach to a sandbox: {exc}") from exc
    sock = getattr(response, "_sock", response)
    return Prepared(container_id, sock, response, docker_host, time.monotonic())


def run_prepared(
    prepared: Prepared, *, stdin: bytes, wall_timeout_s: float, stdout_cap: int, stderr_cap: int
) -> Execution:
    """Start the container once, feed stdin, read capped output; does not remove it."""
    api = client(prepared.docker_host).api
    sock = prepared.sock
    started = time.monotonic()
    try:
        api.start(prepared.container_id)
        sock.sendall(stdin)
        sock.shutdown(socket.SHUT_WR)
        stdout, stderr, timed_out, exceeded = _read_frames(
            sock, started + wall_timeout_s, stdout_cap=stdout_cap, stderr_cap=stderr_cap
        )
        if timed_out or exceeded:
            _kill(api, prepared.container_id)
        wait = api.wait(prepared.container_id, timeout=30)
        wall_ms = int((time.monotonic() - started) * 1000)
        state = api.inspect_container(prepared.container_id)["State"]
    except (DockerException, OSError) as exc:
        reset_client()
        raise EngineUnavailable(f"sandbox failed: {exc}") from exc
    finally:
        sock.close()
    return Execution(
        exit_code=wait.get("StatusCode"),
        stdout=bytes(stdout),
        stderr=bytes(stderr),
        oom_killed=bool(state.get("OOMKilled")),
        timed_out=timed_out,
        output_exceeded=exceeded,
        wall_time_ms=wall_ms,
    )


def discard(prepared: Prepared) -> None:
    """Close a prepared container's stream and remove it (never started, or done)."""
    with contextlib.suppress(OSError):
        prepared.sock.close()
    remove(prepared.container_id, prepared.docker_host)


def _read_frames(
    sock: socket.socket, deadline: float, *, stdout_cap: int, stderr_cap: int
) -> tuple[bytearray, bytearray, bool, bool]:
    """Demultiplex Docker's attach stream (8-byte frame headers) until EOF, deadline or cap."""
    buffers = {1: bytearray(), 2: bytearray()}
    caps = {1: stdout_cap, 2: stderr_cap}
    pending = bytearray()
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return buffers[1], buffers[2], True, False
        readable, _, _ = select.select([sock], [], [], min(remaining, 0.5))
        if not readable:
            continue
        chunk = sock.recv(65536)
        if not chunk:
            return buffers[1], buffers[2], False, False
        pending += chunk
        while len(pending) >= 8:
            stream, size = pending[0], struct.unpack(">I", pending[4:8])[0]
            if len(pending) < 8 + size:
                break
            payload = pending[8 : 8 + size]
            del pending[: 8 + size]
            target = buffers.get(stream)
            if target is None:
                continue
            room = caps[stream] - len(target)
            target += payload[: max(room, 0)]
            if len(payload) > room:
                return buffers[1], buffers[2], False, True


def _kill(api, container_id: str) -> None:
    with contextlib.suppress(APIError):  # it may have exited already
        api.kill(container_id)


def remove(container_id: str, docker_host: str = "") -> None:
    """Remove a sandbox container whatever its state; a few tries, then the stale sweep."""
    try:
        api = client(docker_host).api
    except EngineUnavailable:
        return
    for attempt in range(3):
        try:
            api.remove_container(container_id, force=True, v=True)
            return
        except NotFound:
            return
        except DockerException:
            logger.warning(
                "removing sandbox %s failed (attempt %d)", container_id[:12], attempt + 1
            )
            time.sleep(0.2 * (attempt + 1))


def remove_stale_containers(*, older_than_s: float, docker_host: str = "") -> int:
    """Remove sandbox containers left behind: their owner process on this host is gone, or
    they are older than any run may take. Returns how many were removed."""
    api = client(docker_host).api
    removed = 0
    now = datetime.now(UTC).timestamp()
    this_host = socket.gethostname()
    for summary in api.containers(all=True, filters={"label": SANDBOX_LABEL}):
        host, _, pid = (summary.get("Labels") or {}).get(OWNER_LABEL, "").rpartition(":")
        orphaned = host == this_host and pid.isdigit() and not _process_alive(int(pid))
        if orphaned or now - summary.get("Created", now) >= older_than_s:
            remove(summary["Id"], docker_host)
            removed += 1
    return removed


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def sandbox_containers(*, owner: str | None = None, docker_host: str = "") -> list[tuple[str, str]]:
    """(id, state) of sandbox containers, optionally only those created by `owner` (host:pid)."""
    label = f"{OWNER_LABEL}={owner}" if owner else SANDBOX_LABEL
    api = client(docker_host).api
    return [(c["Id"], c["State"]) for c in api.containers(all=True, filters={"label": label})]
