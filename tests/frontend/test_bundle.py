"""The browser bundle: built by `make assets`, collected and hashed for production by WhiteNoise."""

import re
from io import StringIO
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

from tests.factories import UserFactory

BUILD = Path(settings.BASE_DIR) / "frontend" / "static" / "frontend" / "build"


def test_the_bundle_is_built():
    bundle = BUILD / "challenge.js"
    assert bundle.is_file(), "the editor bundle is missing: run `make assets` (make test does)"
    text = bundle.read_text()
    # CodeMirror and both languages (their keywords) are in it, with a source map.
    assert "cm-editor" in text
    assert "nonlocal" in text  # Python
    assert "autoincrement" in text  # SQLite
    assert text.rstrip().endswith("//# sourceMappingURL=challenge.js.map")
    assert (BUILD / "challenge.js.map").is_file()


def test_production_serves_the_bundle_under_a_hashed_compressed_name(client, order_total, tmp_path):
    storages = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    with override_settings(STORAGES=storages, STATIC_ROOT=tmp_path):
        call_command("collectstatic", "--noinput", stdout=StringIO())
        client.force_login(UserFactory(username="ada"))
        page = client.get("/challenges/order-total/").content.decode()
    src = re.search(
        r'<script type="module" src="(/static/frontend/build/challenge\.\w+\.js)">', page
    )
    assert src, "the challenge page must load the hashed bundle"
    hashed = tmp_path / src.group(1).removeprefix("/static/")
    assert hashed.is_file()
    assert hashed.with_name(hashed.name + ".gz").is_file()
    # The source map reference was rewritten to the hashed map, which exists.
    map_name = re.search(r"sourceMappingURL=(\S+)", hashed.read_text()).group(1)
    assert map_name != "challenge.js.map"
    assert (hashed.parent / map_name).is_file()
