#!/usr/bin/env python3
"""Verify a signed readiness report offline (docs/report-verification.md).

    python docs/examples/verify_report.py report.json key.json
    python docs/examples/verify_report.py report.json \
        --key-url https://interview.example.com/.well-known/readiness-signing-key.json
    python docs/examples/verify_report.py report.json   # the key from the report's platform

report.json is what `/r/<token>.json` serves; key.json is the platform's JWK Set (or one JWK) from
`/.well-known/readiness-signing-key.json`. Prints `valid: ...` with the candidate's name and the
issue date and exits 0, or prints `INVALID: <why>` and exits 1.

Standard library plus `cryptography` (pip install cryptography), nothing from the platform.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import math
import re
import sys
import urllib.error
import urllib.parse
import urllib.request

try:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
except ImportError:  # pragma: no cover - a message for people without the package
    sys.exit("verify_report.py needs the cryptography package: pip install cryptography")

WELL_KNOWN = "/.well-known/readiness-signing-key.json"
MAX_BYTES = 4 * 1024 * 1024


class Invalid(Exception):
    """Why the report does not verify."""


# --- reading JSON strictly -------------------------------------------------------------------


def _no_duplicates(pairs: list[tuple[str, object]]) -> dict:
    result: dict = {}
    for key, value in pairs:
        if key in result:
            # Two parsers could keep different copies: the signed text would be ambiguous.
            raise Invalid(f"duplicate key {key!r} in the JSON")
        result[key] = value
    return result


def _no_constant(name: str):
    raise Invalid(f"{name} is not valid JSON")


def parse_json(data: bytes, what: str):
    if len(data) > MAX_BYTES:
        raise Invalid(f"the {what} is larger than {MAX_BYTES} bytes")
    try:
        text = data.decode("utf-8")
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except UnicodeDecodeError:
        raise Invalid(f"the {what} is not UTF-8") from None
    except json.JSONDecodeError as exc:
        raise Invalid(f"the {what} is not JSON ({exc.msg}, line {exc.lineno})") from None


# --- the canonical form the signature covers ------------------------------------------------


def _normalise(value):
    """Whole floats as integers and no NaN/infinity: RFC 8785's numbers for a report's values."""
    if isinstance(value, float):
        if not math.isfinite(value):
            raise Invalid("the report holds a non-finite number")
        return int(value) if value.is_integer() and abs(value) < 2**53 else value
    if isinstance(value, dict):
        return {key: _normalise(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_normalise(item) for item in value]
    return value


def canonical_json(value) -> bytes:
    """Sorted keys, separators "," and ":", UTF-8 without \\u escapes (RFC 8785 for reports)."""
    return json.dumps(
        _normalise(value),
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
        allow_nan=False,
    ).encode("utf-8")


def b64url_decode(text: object, what: str) -> bytes:
    if not isinstance(text, str) or not re.fullmatch(r"[A-Za-z0-9_-]+", text):
        raise Invalid(f"{what} is not base64url")
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except ValueError:
        raise Invalid(f"{what} is not base64url") from None


# --- keys ------------------------------------------------------------------------------------


def key_from_jwks(jwks: object, kid: str) -> Ed25519PublicKey:
    """The Ed25519 key with this kid; its kid must be the SHA-256 of its own bytes."""
    keys = jwks["keys"] if isinstance(jwks, dict) and "keys" in jwks else [jwks]
    if not isinstance(keys, list):
        raise Invalid('the key file is not a JWK Set ({"keys": [...]}) nor a JWK')
    for entry in keys:
        if not isinstance(entry, dict) or entry.get("kid") != kid:
            continue
        if entry.get("kty") != "OKP" or entry.get("crv") != "Ed25519":
            raise Invalid(f"key {kid} is not an Ed25519 key (kty OKP, crv Ed25519)")
        if entry.get("alg", "EdDSA") != "EdDSA" or entry.get("use", "sig") != "sig":
            raise Invalid(f"key {kid} is not meant for EdDSA signatures")
        raw = b64url_decode(entry.get("x"), f"key {kid}'s x")
        if len(raw) != 32:
            raise Invalid(f"key {kid}'s x is not 32 bytes")
        if hashlib.sha256(raw).hexdigest()[:16] != kid:
            raise Invalid(f"key {kid}'s kid does not match its public key")
        return Ed25519PublicKey.from_public_bytes(raw)
    raise Invalid(f"no key with kid {kid!r} in the key file: not signed by this platform's keys")


def fetch(url: str) -> bytes:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("https", "http"):
        raise Invalid(f"the key URL must be http(s), not {url!r}")
    request = urllib.request.Request(url, headers={"Accept": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.read(MAX_BYTES + 1)
    except (urllib.error.URLError, OSError) as exc:
        raise Invalid(f"could not fetch the key from {url}: {exc}") from None


def origin(url: str) -> tuple[str, str]:
    parts = urllib.parse.urlsplit(url)
    return parts.scheme.lower(), (parts.netloc or "").lower()


# --- verification ----------------------------------------------------------------------------


def verify(document: object, jwks: object) -> dict:
    """The report when `document`'s signature holds for a key in `jwks`; raises Invalid."""
    if not isinstance(document, dict) or set(document) != {"report", "signature"}:
        raise Invalid('the document must be {"report": {...}, "signature": {...}} and nothing else')
    report, signature = document["report"], document["signature"]
    if not isinstance(report, dict):
        raise Invalid("report is not an object")
    if not isinstance(signature, dict):
        raise Invalid("signature is not an object")
    if signature.get("alg") != "EdDSA":
        raise Invalid(f"unsupported signature algorithm {signature.get('alg')!r} (want EdDSA)")
    kid = signature.get("kid")
    if not isinstance(kid, str) or not kid:
        raise Invalid("the signature has no kid")
    key = key_from_jwks(jwks, kid)
    value = b64url_decode(signature.get("value"), "the signature value")
    if len(value) != 64:
        raise Invalid("the signature is not 64 bytes")
    try:
        key.verify(value, canonical_json(report))
    except InvalidSignature:
        raise Invalid(
            "the signature does not match the report: it was changed or not signed by this key"
        ) from None
    candidate = report.get("candidate")
    if not isinstance(candidate, dict) or not isinstance(candidate.get("display_name"), str):
        raise Invalid("the signed report has no candidate name")
    if not isinstance(report.get("issued_at"), str):
        raise Invalid("the signed report has no issue date")
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("report", help="the signed report (JSON file; - for standard input)")
    parser.add_argument("key", nargs="?", help="the platform's JWK Set (JSON file)")
    parser.add_argument("--key-url", help="fetch the JWK Set from this URL instead")
    args = parser.parse_args(argv)
    try:
        if args.report == "-":
            raw = sys.stdin.buffer.read(MAX_BYTES + 1)
        else:
            try:
                with open(args.report, "rb") as handle:
                    raw = handle.read(MAX_BYTES + 1)
            except OSError as exc:
                raise Invalid(f"cannot read {args.report}: {exc.strerror}") from None
        document = parse_json(raw, "report")
        if args.key and args.key_url:
            raise Invalid("give a key file or --key-url, not both")
        if args.key:
            try:
                with open(args.key, "rb") as handle:
                    key_raw = handle.read(MAX_BYTES + 1)
            except OSError as exc:
                raise Invalid(f"cannot read {args.key}: {exc.strerror}") from None
            key_source = args.key
        else:
            platform = (
                (document.get("report") or {}).get("platform")
                if isinstance(document, dict)
                else None
            )
            if args.key_url:
                key_url = args.key_url
                if isinstance(platform, str) and origin(key_url) != origin(platform):
                    # A key from one site vouches only for reports that site issued.
                    raise Invalid(
                        f"the key comes from {key_url} but the report names {platform} "
                        "as its issuer"
                    )
            elif isinstance(platform, str) and platform.startswith(("https://", "http://")):
                key_url = platform.rstrip("/") + WELL_KNOWN
            else:
                raise Invalid("the report names no platform: give a key file or --key-url")
            key_raw = fetch(key_url)
            key_source = key_url
        jwks = parse_json(key_raw, "key file")
        report = verify(document, jwks)
    except Invalid as exc:
        print(f"INVALID: {exc}")
        return 1
    name = report["candidate"]["display_name"]
    print(
        f"valid: readiness report of {name!r}, issued {report['issued_at']} "
        f"by {report.get('platform', '?')} (report {report.get('id', '?')}, "
        f"key {document['signature']['kid']} from {key_source})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
