"""docs/examples/verify_report.py, run as a subprocess on real reports from the API."""

import copy
import json
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.conf import settings
from rest_framework.test import APIClient

from readiness.signing import b64url, canonical_json, key_id
from tests.readiness.reporting import practised_candidate

pytestmark = pytest.mark.django_db
VERIFIER = Path(settings.BASE_DIR) / "docs" / "examples" / "verify_report.py"


@pytest.fixture
def signed(tmp_path) -> dict:
    """A real signed report (from its public link) and the key from the well-known URL."""
    ada = practised_candidate(display_name="Ada Lovelace")
    client = APIClient()
    client.force_authenticate(ada)
    link = client.post("/api/readiness/reports/", {}, format="json").json()
    anonymous = APIClient()
    document = json.loads(anonymous.get(link["json_url"].removeprefix("http://testserver")).content)
    jwks = anonymous.get("/.well-known/readiness-signing-key.json").content
    (tmp_path / "key.json").write_bytes(jwks)
    return document


def verify(tmp_path, document, *extra: str) -> subprocess.CompletedProcess:
    path = tmp_path / "report.json"
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
    key = [] if extra else [str(tmp_path / "key.json")]
    return subprocess.run(
        [sys.executable, str(VERIFIER), str(path), *key, *extra],
        capture_output=True,
        text=True,
        timeout=60,
        # Only what the script needs: it must not lean on the project (no DJANGO_*, no path).
        env={"PATH": "/usr/bin:/bin"},
        cwd=tmp_path,
        check=False,
    )


def assert_invalid(result: subprocess.CompletedProcess, why: str) -> None:
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stdout.strip() == f"INVALID: {why}"


def test_a_real_report_verifies(tmp_path, signed):
    result = verify(tmp_path, signed)

    assert result.returncode == 0, result.stdout + result.stderr
    issued = signed["report"]["issued_at"]
    kid = signed["signature"]["kid"]
    assert result.stdout.strip() == (
        f"valid: readiness report of 'Ada Lovelace', issued {issued} by http://testserver "
        f"(report {signed['report']['id']}, key {kid} from {tmp_path / 'key.json'})"
    )


MISMATCH = "the signature does not match the report: it was changed or not signed by this key"


def test_a_changed_score_is_invalid(tmp_path, signed):
    tampered = copy.deepcopy(signed)
    skill = next(s for s in tampered["report"]["skills"] if s["slug"] == "money-correctness")
    skill["score"] = skill["score"] + 0.1
    assert_invalid(verify(tmp_path, tampered), MISMATCH)


def test_a_changed_name_is_invalid(tmp_path, signed):
    tampered = copy.deepcopy(signed)
    tampered["report"]["candidate"]["display_name"] = "Ada Lovelace Jr."
    assert_invalid(verify(tmp_path, tampered), MISMATCH)


def test_an_added_field_is_invalid(tmp_path, signed):
    tampered = copy.deepcopy(signed)
    tampered["report"]["verified_by"] = "someone"
    assert_invalid(verify(tmp_path, tampered), MISMATCH)


def test_a_changed_signature_is_invalid(tmp_path, signed):
    tampered = copy.deepcopy(signed)
    value = tampered["signature"]["value"]
    tampered["signature"]["value"] = ("B" if value[0] == "A" else "A") + value[1:]
    assert_invalid(verify(tmp_path, tampered), MISMATCH)


def test_a_changed_kid_is_invalid(tmp_path, signed):
    tampered = copy.deepcopy(signed)
    tampered["signature"]["kid"] = "0123456789abcdef"
    assert_invalid(
        verify(tmp_path, tampered),
        "no key with kid '0123456789abcdef' in the key file: not signed by this platform's keys",
    )


def test_a_report_signed_by_another_key_is_invalid(tmp_path, signed):
    other = Ed25519PrivateKey.generate()
    forged = copy.deepcopy(signed)
    forged["report"]["skills"][0]["score"] = 99.9
    value = b64url(other.sign(canonical_json(forged["report"])))

    # Under its own kid: the platform publishes no such key.
    own_kid = {
        **forged,
        "signature": {"alg": "EdDSA", "kid": key_id(other.public_key()), "value": value},
    }
    assert_invalid(
        verify(tmp_path, own_kid),
        f"no key with kid {key_id(other.public_key())!r} in the key file: "
        "not signed by this platform's keys",
    )
    # Claiming the platform's kid: the signature does not hold.
    platform_kid = {**forged, "signature": {**signed["signature"], "value": value}}
    assert_invalid(verify(tmp_path, platform_kid), MISMATCH)


def test_a_key_file_with_a_kid_not_its_own_is_refused(tmp_path, signed):
    other = Ed25519PrivateKey.generate()
    kid = signed["signature"]["kid"]
    jwks = json.loads((tmp_path / "key.json").read_text())
    jwks["keys"][0]["x"] = b64url(
        other.public_key().public_bytes_raw()
    )  # a substituted key under the platform's kid
    (tmp_path / "key.json").write_text(json.dumps(jwks))
    assert_invalid(verify(tmp_path, signed), f"key {kid}'s kid does not match its public key")


def test_duplicate_keys_and_nan_are_refused(tmp_path, signed):
    text = json.dumps(signed)
    duplicated = text.replace('"report": {', '"report": {"format": 2, ', 1)
    path = tmp_path / "dup.json"
    path.write_text(duplicated)
    result = subprocess.run(
        [sys.executable, str(VERIFIER), str(path), str(tmp_path / "key.json")],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert_invalid(result, "duplicate key 'format' in the JSON")

    path.write_text(text.replace('"format": 1', '"format": NaN', 1))
    result = subprocess.run(
        [sys.executable, str(VERIFIER), str(path), str(tmp_path / "key.json")],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert_invalid(result, "NaN is not valid JSON")


def test_a_key_url_from_another_site_is_refused_before_fetching(tmp_path, signed):
    result = verify(
        tmp_path, signed, "--key-url", "https://evil.example/.well-known/readiness-signing-key.json"
    )
    assert_invalid(
        result,
        "the key comes from https://evil.example/.well-known/readiness-signing-key.json "
        "but the report names http://testserver as its issuer",
    )


def test_the_canonical_form_is_rfc8785_for_report_values():
    value = {"b": 50.0, "a": [72.5, "é ü", 0.1], "c": {"z": True, "y": None, "x": 3}}
    assert canonical_json(value) == (
        '{"a":[72.5,"é ü",0.1],"b":50,"c":{"x":3,"y":null,"z":true}}'.encode()
    )
    with pytest.raises(ValueError, match="no canonical JSON form"):
        canonical_json({"a": float("nan")})


@pytest.mark.django_db(transaction=True)
def test_the_key_is_fetched_from_the_platform_the_report_names(tmp_path, live_server):
    import urllib.request

    ada = practised_candidate(display_name="Ada Lovelace")
    client = APIClient()
    client.force_authenticate(ada)
    link = client.post("/api/readiness/reports/", {}, format="json").json()
    json_name = link["json_url"].rsplit("/", 1)[1]  # <token>.json
    url = f"{live_server.url}/r/{json_name}"
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (the test's server)
        document = json.load(response)
    assert document["report"]["platform"] == live_server.url

    by_platform = verify(
        tmp_path, document, "--key-url", f"{live_server.url}/.well-known/readiness-signing-key.json"
    )
    assert by_platform.returncode == 0, by_platform.stdout
    path = tmp_path / "report.json"
    derived = subprocess.run(
        [sys.executable, str(VERIFIER), str(path)],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert derived.returncode == 0, derived.stdout
    assert derived.stdout.strip().endswith(
        f"from {live_server.url}/.well-known/readiness-signing-key.json)"
    )


def test_after_a_rotation_older_reports_verify_with_the_retired_key(tmp_path, signed, settings):
    from cryptography.hazmat.primitives import serialization

    from readiness import signing

    old_public = signing.signing_key().private.public_key()
    retired = tmp_path / "retired.pem"
    retired.write_bytes(
        old_public.public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    new = Ed25519PrivateKey.generate()
    settings.READINESS_SIGNING_KEY = b64url(
        new.private_bytes(
            serialization.Encoding.Raw,
            serialization.PrivateFormat.Raw,
            serialization.NoEncryption(),
        )
    )
    settings.READINESS_RETIRED_PUBLIC_KEYS_FILE = str(retired)
    signing.signing_key.cache_clear()
    signing.retired_public_keys.cache_clear()
    try:
        jwks = APIClient().get("/.well-known/readiness-signing-key.json").json()
        assert [k["kid"] for k in jwks["keys"]] == [key_id(new.public_key()), key_id(old_public)]
        (tmp_path / "key.json").write_text(json.dumps(jwks))
        assert verify(tmp_path, signed).returncode == 0
        # Without the retired key published, the saved report no longer verifies.
        (tmp_path / "key.json").write_text(json.dumps({"keys": jwks["keys"][:1]}))
        assert verify(tmp_path, signed).returncode == 1
    finally:
        signing.signing_key.cache_clear()
        signing.retired_public_keys.cache_clear()
