"""Development signing key for readiness reports: an Ed25519 key generated once under var/."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey


def development_signing_key_file(var_dir: Path, name: str = "readiness-signing-key.pem") -> Path:
    """The path of a PEM private key kept under `var_dir` (0600), created on first use."""
    path = var_dir / name
    if path.exists():
        return path
    var_dir.mkdir(parents=True, exist_ok=True)
    pem = Ed25519PrivateKey.generate().private_bytes(
        encoding=serialization.Encoding.PEM,
        format=serialization.PrivateFormat.PKCS8,
        encryption_algorithm=serialization.NoEncryption(),
    )
    # Written aside, then linked into place: link fails if the file exists, so processes
    # starting together (web, worker, parallel test sessions) agree on one key, and no reader
    # ever sees a half-written file.
    fd, temporary = tempfile.mkstemp(dir=var_dir, prefix=f".{name}.")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(pem)
        os.chmod(temporary, 0o600)
        with contextlib.suppress(FileExistsError):
            os.link(temporary, path)
    finally:
        os.unlink(temporary)
    return path
