"""The frozen readiness snapshot of an application: canonical JSON text and its digest."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from readiness.canonical import canonical_json as canonical_bytes


@dataclass(frozen=True)
class FrozenSnapshot:
    text: str
    sha256: str
    role_score: float
    role_low: float


def canonical_json(value: object) -> str:
    """The canonical JSON text of a value (readiness.canonical: the form reports are signed in)."""
    return canonical_bytes(value).decode("utf-8")


def freeze(snapshot: dict) -> FrozenSnapshot:
    """Serialise a `readiness_snapshot(user, role=...)` dict once, for good."""
    text = canonical_json(snapshot)
    role = snapshot["role"]
    return FrozenSnapshot(
        text=text,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        role_score=float(role["score"]),
        role_low=float(role["low"]),
    )


def thaw(text: str) -> dict:
    """The stored text as an object; keys keep the stored (sorted) order."""
    return json.loads(text)
