"""The platform's Ed25519 report-signing key: loading, key ids, the JWK Set, canonical JSON."""

from __future__ import annotations

import base64
import binascii
import functools
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from readiness.canonical import canonical_json

ALG = "EdDSA"
_PEM_BLOCK = re.compile(
    r"-----BEGIN PUBLIC KEY-----[A-Za-z0-9+/=\s]+-----END PUBLIC KEY-----", re.MULTILINE
)


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def b64url_decode(text: str) -> bytes:
    if not isinstance(text, str) or not re.fullmatch(r"[A-Za-z0-9_-]*", text):
        raise ValueError("not base64url")
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def raw_public_bytes(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(
        encoding=serialization.Encoding.Raw, format=serialization.PublicFormat.Raw
    )


def key_id(key: Ed25519PublicKey) -> str:
    """The first 16 hex digits of the SHA-256 of the raw 32-byte public key."""
    return hashlib.sha256(raw_public_bytes(key)).hexdigest()[:16]


def _private_key_from_text(text: str, source: str) -> Ed25519PrivateKey:
    text = text.strip()
    if "\\n" in text and "\n" not in text:
        # A PEM squeezed onto one line for an env file.
        text = text.replace("\\n", "\n")
    try:
        if text.startswith("-----BEGIN"):
            key = serialization.load_pem_private_key(text.encode("ascii"), password=None)
        else:
            seed = b64url_decode(text)
            if len(seed) != 32:
                raise ValueError("an Ed25519 seed is 32 bytes")
            key = Ed25519PrivateKey.from_private_bytes(seed)
    except (ValueError, TypeError, UnicodeEncodeError, binascii.Error) as exc:
        raise ImproperlyConfigured(
            f"{source} is not an Ed25519 private key (a PEM, or a 32-byte seed in base64url): {exc}"
        ) from None
    if not isinstance(key, Ed25519PrivateKey):
        raise ImproperlyConfigured(f"{source} must be an Ed25519 key, not {type(key).__name__}.")
    return key


@dataclass(frozen=True)
class SigningKey:
    private: Ed25519PrivateKey
    kid: str

    def sign(self, message: bytes) -> str:
        return b64url(self.private.sign(message))


@functools.cache
def signing_key() -> SigningKey:
    """The configured key (settings READINESS_SIGNING_KEY / _FILE), loaded once per process."""
    if settings.READINESS_SIGNING_KEY:
        key = _private_key_from_text(settings.READINESS_SIGNING_KEY, "READINESS_SIGNING_KEY")
    else:
        path = Path(settings.READINESS_SIGNING_KEY_FILE)
        try:
            text = path.read_text()
        except OSError as exc:
            raise ImproperlyConfigured(
                f"READINESS_SIGNING_KEY_FILE={path}: cannot read it ({exc.strerror})."
            ) from None
        key = _private_key_from_text(text, f"READINESS_SIGNING_KEY_FILE={path}")
    return SigningKey(private=key, kid=key_id(key.public_key()))


@functools.cache
def retired_public_keys() -> tuple[Ed25519PublicKey, ...]:
    """Public keys of retired signing keys, still published so older reports verify."""
    name = settings.READINESS_RETIRED_PUBLIC_KEYS_FILE
    if not name:
        return ()
    try:
        text = Path(name).read_text()
    except OSError as exc:
        raise ImproperlyConfigured(
            f"READINESS_RETIRED_PUBLIC_KEYS_FILE={name}: cannot read it ({exc.strerror})."
        ) from None
    keys = []
    for block in _PEM_BLOCK.findall(text):
        try:
            key = serialization.load_pem_public_key(block.encode("ascii"))
        except ValueError as exc:
            raise ImproperlyConfigured(
                f"READINESS_RETIRED_PUBLIC_KEYS_FILE={name}: {exc}"
            ) from None
        if not isinstance(key, Ed25519PublicKey):
            raise ImproperlyConfigured(
                f"READINESS_RETIRED_PUBLIC_KEYS_FILE={name}: only Ed25519 public keys belong here."
            )
        keys.append(key)
    if not keys:
        raise ImproperlyConfigured(
            f"READINESS_RETIRED_PUBLIC_KEYS_FILE={name} holds no PEM public key."
        )
    return tuple(keys)


def jwk(key: Ed25519PublicKey) -> dict:
    return {
        "kty": "OKP",
        "crv": "Ed25519",
        "x": b64url(raw_public_bytes(key)),
        "kid": key_id(key),
        "use": "sig",
        "alg": ALG,
    }


def jwk_set() -> dict:
    """The current key first, then the retired ones (without duplicates)."""
    current = signing_key().private.public_key()
    keys = [jwk(current)]
    for key in retired_public_keys():
        entry = jwk(key)
        if entry["kid"] not in {k["kid"] for k in keys}:
            keys.append(entry)
    return {"keys": keys}


def sign_document(payload: dict) -> dict:
    """`{"report": payload, "signature": {...}}`, signed over canonical_json(payload)."""
    key = signing_key()
    return {
        "report": payload,
        "signature": {"alg": ALG, "kid": key.kid, "value": key.sign(canonical_json(payload))},
    }


def verify_document(document: dict, public_key: Ed25519PublicKey) -> bool:
    """For tests and checks: does the signature hold for this key (the verifier is standalone)?"""
    try:
        signature = b64url_decode(document["signature"]["value"])
        public_key.verify(signature, canonical_json(document["report"]))
    except (InvalidSignature, KeyError, TypeError, ValueError):
        return False
    return True
