"""The report-signing key: where it comes from, production refusing to start without it, kids."""

import hashlib
import os
import subprocess
import sys

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.rsa import generate_private_key
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from config.signing_key import development_signing_key_file
from readiness import signing
from readiness.signing import b64url, jwk_set, key_id, sign_document, signing_key, verify_document

CHECK = [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"]
KEY_VARIABLES = {"READINESS_SIGNING_KEY", "READINESS_SIGNING_KEY_FILE", "SECRET_KEY", "DEBUG"}
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "x" * 20 + "-a-long-random-production-secret-key-value-0123456789",
    "ALLOWED_HOSTS": "interview.example.com",
}


def pem(key) -> str:
    return key.private_bytes(
        encoding=serialization.Encoding.PEM,
        format=serialization.PrivateFormat.PKCS8,
        encryption_algorithm=serialization.NoEncryption(),
    ).decode()


def seed(key: Ed25519PrivateKey) -> str:
    raw = key.private_bytes(
        encoding=serialization.Encoding.Raw,
        format=serialization.PrivateFormat.Raw,
        encryption_algorithm=serialization.NoEncryption(),
    )
    return b64url(raw)


def run_manage(env: dict[str, str], command: list[str] = CHECK) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in KEY_VARIABLES}
    clean.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run(
        command,
        cwd=settings.BASE_DIR,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def configured(settings):
    """Set the key settings for one test; the loaded key is cached per process, so reset it."""

    def configure(**values):
        for name, value in values.items():
            setattr(settings, name, value)
        signing.signing_key.cache_clear()
        signing.retired_public_keys.cache_clear()

    yield configure
    signing.signing_key.cache_clear()
    signing.retired_public_keys.cache_clear()


def test_production_without_a_signing_key_refuses_to_start(tmp_path):
    result = run_manage({**PRODUCTION, "VAR_DIR": str(tmp_path)})
    assert result.returncode != 0
    assert (
        "READINESS_SIGNING_KEY (or READINESS_SIGNING_KEY_FILE) is required when DEBUG is off"
        in (result.stderr)
    )
    assert not (tmp_path / "readiness-signing-key.pem").exists()


def test_production_with_a_key_passes_the_deploy_check(tmp_path):
    key = seed(Ed25519PrivateKey.generate())
    result = run_manage({**PRODUCTION, "VAR_DIR": str(tmp_path), "READINESS_SIGNING_KEY": key})
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_key_that_is_not_ed25519_fails_the_check(tmp_path):
    rsa = pem(generate_private_key(public_exponent=65537, key_size=2048))
    path = tmp_path / "key.pem"
    path.write_text(rsa)
    result = run_manage(
        {**PRODUCTION, "VAR_DIR": str(tmp_path), "READINESS_SIGNING_KEY_FILE": str(path)}
    )
    assert result.returncode != 0
    assert "readiness.E001" in result.stderr
    assert "must be an Ed25519 key, not RSAPrivateKey" in result.stderr


def test_development_generates_a_key_once_under_var(tmp_path):
    result = run_manage(
        {"DEBUG": "1", "VAR_DIR": str(tmp_path)}, [sys.executable, "manage.py", "check"]
    )
    assert result.returncode == 0, result.stderr

    path = tmp_path / "readiness-signing-key.pem"
    assert path.stat().st_mode & 0o777 == 0o600
    first = path.read_bytes()
    assert first.startswith(b"-----BEGIN PRIVATE KEY-----")
    assert development_signing_key_file(tmp_path) == path
    assert path.read_bytes() == first
    assert [p.name for p in tmp_path.iterdir() if "signing" in p.name] == [path.name]


@pytest.mark.parametrize("form", ["pem", "pem-one-line", "seed"])
def test_the_key_comes_from_the_environment_in_any_form(configured, form):
    key = Ed25519PrivateKey.generate()
    text = {
        "pem": pem(key),
        "pem-one-line": pem(key).replace("\n", "\\n"),
        "seed": seed(key),
    }[form]
    configured(READINESS_SIGNING_KEY=text, READINESS_SIGNING_KEY_FILE="")

    assert signing_key().kid == key_id(key.public_key())
    document = sign_document({"a": 1})
    assert verify_document(document, key.public_key())


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("not-a-key!", "is not an Ed25519 private key"),
        (b64url(b"short"), "an Ed25519 seed is 32 bytes"),
    ],
)
def test_a_malformed_key_is_a_clear_configuration_error(configured, text, message):
    configured(READINESS_SIGNING_KEY=text, READINESS_SIGNING_KEY_FILE="")
    with pytest.raises(ImproperlyConfigured, match=message):
        signing_key()


def test_a_missing_key_file_is_a_clear_configuration_error(configured, tmp_path):
    configured(READINESS_SIGNING_KEY="", READINESS_SIGNING_KEY_FILE=str(tmp_path / "nope.pem"))
    with pytest.raises(ImproperlyConfigured, match="cannot read it"):
        signing_key()


def test_the_kid_is_the_sha256_prefix_of_the_raw_public_key():
    key = Ed25519PrivateKey.generate().public_key()
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    assert key_id(key) == hashlib.sha256(raw).hexdigest()[:16]


def test_retired_keys_stay_published_after_the_current_one(configured, tmp_path):
    current, old, older = (Ed25519PrivateKey.generate() for _ in range(3))
    retired = tmp_path / "retired.pem"
    retired.write_text(
        "".join(
            k.public_key()
            .public_bytes(
                serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
            )
            .decode()
            for k in (old, older, current)
        )
    )
    configured(
        READINESS_SIGNING_KEY=seed(current),
        READINESS_SIGNING_KEY_FILE="",
        READINESS_RETIRED_PUBLIC_KEYS_FILE=str(retired),
    )

    kids = [k["kid"] for k in jwk_set()["keys"]]

    assert kids == [key_id(k.public_key()) for k in (current, old, older)]


def test_a_retired_keys_file_without_keys_is_refused(configured, tmp_path):
    retired = tmp_path / "retired.pem"
    retired.write_text("nothing here\n")
    configured(READINESS_RETIRED_PUBLIC_KEYS_FILE=str(retired))
    with pytest.raises(ImproperlyConfigured, match="holds no PEM public key"):
        jwk_set()
