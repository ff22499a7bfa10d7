"""A Unix-socket proxy in front of the Docker engine that a test can stop and start again:
from a worker's point of view, the engine goes down and comes back."""

from __future__ import annotations

import contextlib
import os
import select
import socket
import threading
from pathlib import Path

ENGINE_SOCKET = "/var/run/docker.sock"


class EngineProxy:
    def __init__(self, path: Path, target: str = ENGINE_SOCKET):
        self.path = str(path)
        self.target = target
        self._server: socket.socket | None = None
        self._connections: list[socket.socket] = []
        self._lock = threading.Lock()

    @property
    def docker_host(self) -> str:
        return f"unix://{self.path}"

    def start(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.path)
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        server.bind(self.path)
        server.listen(64)
        self._server = server
        threading.Thread(target=self._accept, args=(server,), daemon=True).start()

    def stop(self) -> None:
        """The engine "goes down": refuse new connections and cut the open ones."""
        server, self._server = self._server, None
        if server is not None:
            server.close()
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.path)
        with self._lock:
            for connection in self._connections:
                with contextlib.suppress(OSError):
                    connection.close()
            self._connections.clear()

    def _accept(self, server: socket.socket) -> None:
        while True:
            try:
                client, _ = server.accept()
            except OSError:
                return
            upstream = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            upstream.connect(self.target)
            with self._lock:
                self._connections += [client, upstream]
            threading.Thread(target=self._pipe, args=(client, upstream), daemon=True).start()

    def _pipe(self, a: socket.socket, b: socket.socket) -> None:
        # Half-closes pass through (the runner closes stdin and keeps reading the output).
        open_sources = [a, b]
        try:
            while open_sources:
                readable, _, _ = select.select(open_sources, [], [], 1.0)
                for source in readable:
                    target = b if source is a else a
                    data = source.recv(65536)
                    if data:
                        target.sendall(data)
                    else:
                        open_sources.remove(source)
                        with contextlib.suppress(OSError):
                            target.shutdown(socket.SHUT_WR)
        except (OSError, ValueError):
            return
        finally:
            for s in (a, b):
                with contextlib.suppress(OSError):
                    s.close()
