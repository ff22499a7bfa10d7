"""What grading produced: verdicts, per-case outcomes, and the error for sandbox failures."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import models


class Verdict(models.TextChoices):
    ACCEPTED = "accepted", "Accepted"
    WRONG_ANSWER = "wrong_answer", "Wrong answer"
    RUNTIME_ERROR = "runtime_error", "Runtime error"
    TIME_LIMIT = "time_limit", "Time limit exceeded"
    MEMORY_LIMIT = "memory_limit", "Memory limit exceeded"
    OUTPUT_LIMIT = "output_limit", "Output limit exceeded"
    SYNTAX_ERROR = "syntax_error", "Syntax error"
    INTERNAL_ERROR = "internal_error", "Internal error"
    PENDING_REVIEW = "pending_review", "Pending review"


# A case outcome from the runner's status, for cases that did not produce a comparable value.
CASE_STATUS_VERDICT = {
    "runtime_error": Verdict.RUNTIME_ERROR,
    "timeout": Verdict.TIME_LIMIT,
    "memory_limit": Verdict.MEMORY_LIMIT,
    "output_limit": Verdict.OUTPUT_LIMIT,
    "not_run": Verdict.RUNTIME_ERROR,
}


class SandboxFailure(Exception):
    """The sandbox failed (our fault): the submission is retried, never failed for it."""


@dataclass(frozen=True)
class Grade:
    verdict: Verdict
    score: float  # passed weight / total weight, 0..1
    cases: list[dict[str, Any]] = field(default_factory=list)
    message: str = ""
    wall_time_ms: int = 0
    cpu_time_ms: int | None = None
    peak_memory_kb: int | None = None
    stdout: str = ""
    stderr: str = ""
