"""The runner's contract: frozen dataclasses for what to run and what came of it."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Status(StrEnum):
    OK = "ok"
    RUNTIME_ERROR = "runtime_error"
    SYNTAX_ERROR = "syntax_error"
    TIMEOUT = "timeout"
    MEMORY_LIMIT = "memory_limit"
    OUTPUT_LIMIT = "output_limit"
    # Our fault (engine down, image missing, harness broken): never blamed on the candidate.
    SANDBOX_ERROR = "sandbox_error"


class Mode(StrEnum):
    PROGRAM = "program"
    PROGRAM_CASES = "program_cases"  # the program once per case, each case's stdin
    PYTHON_CASES = "python_cases"
    SQL_CASES = "sql_cases"  # one query against each case's database (schema + data)
    # The candidate's INSERT/UPDATE/DELETE statements, then the case's check query (read-only).
    SQL_DML_CASES = "sql_dml_cases"
    # The candidate's DDL, then each case's steps (writes that must pass or fail, queries).
    SCHEMA_CASES = "schema_cases"
    API_CASES = "api_cases"  # the candidate's WSGI app driven through each scenario
    # An author's SQL dataset described for the schema panel (tables, columns, sample rows).
    SQL_DESCRIBE = "sql_describe"


@dataclass(frozen=True)
class Limits:
    time_limit_s: float
    memory_mb: int
    pids: int
    cpus: float
    output_limit_bytes: int
    tmpfs_mb: int


@dataclass(frozen=True)
class CaseInput:
    """One case as it enters the sandbox: an id and the input, never the expected value.

    Hidden cases run in a child process of their own, fed one at a time in a random order.
    """

    id: str
    input: dict[str, Any]
    hidden: bool = False


@dataclass(frozen=True)
class RunSpec:
    source: str
    mode: Mode = Mode.PROGRAM
    stdin: str = ""
    entrypoint: str = ""
    factory: bool = False  # api_cases: the entrypoint is a factory returning the app
    cases: tuple[CaseInput, ...] = ()
    limits: Limits | None = None  # None: the settings' defaults
    # True (every submission): a hidden case returns only its status word and its value, for
    # the worker to compare. False: an author validating their own challenge sees everything.
    redact_hidden: bool = True


@dataclass(frozen=True)
class CaseOutput:
    id: str
    status: str  # a Status value, or "not_run"
    actual: Any = None
    error: str = ""
    time_ms: int = 0
    output: str = ""  # what the case printed (python cases; capped)
    hidden: bool = False


@dataclass(frozen=True)
class RunResult:
    status: Status
    exit_code: int | None = None
    signal: int | None = None
    stdout: str = ""
    stderr: str = ""
    output_truncated: bool = False
    wall_time_ms: int = 0
    cpu_time_ms: int | None = None
    peak_memory_kb: int | None = None
    message: str = ""
    cases: tuple[CaseOutput, ...] = field(default=())

    def as_dict(self) -> dict[str, Any]:
        return {
            "status": str(self.status),
            "exit_code": self.exit_code,
            "signal": self.signal,
            "stdout": self.stdout,
            "stderr": self.stderr,
            "output_truncated": self.output_truncated,
            "wall_time_ms": self.wall_time_ms,
            "cpu_time_ms": self.cpu_time_ms,
            "peak_memory_kb": self.peak_memory_kb,
            "message": self.message,
            "cases": [dict(case.__dict__) for case in self.cases],
        }


class InvalidSource(ValueError):
    """The source was refused before any container started (size, NUL bytes, encoding)."""
