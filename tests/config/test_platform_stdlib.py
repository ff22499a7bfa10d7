"""The platform/ folder must never shadow the standard library's `platform` module."""

import importlib
import subprocess
import sys
from pathlib import Path

from django.conf import settings


def test_platform_is_the_standard_library_module():
    module = importlib.import_module("platform")
    assert module.system() in {"Linux", "Darwin", "Windows"}
    assert Path(module.__file__).parent == Path(importlib.import_module("os").__file__).parent


def test_platform_folder_is_not_a_package():
    assert (Path(settings.BASE_DIR) / "platform").is_dir()
    assert not (Path(settings.BASE_DIR) / "platform" / "__init__.py").exists()


def test_uuid_and_django_import_from_the_project_root():
    # The failure mode: with platform/__init__.py, `import uuid` (and so Django) crashes.
    result = subprocess.run(
        [sys.executable, "-c", "import platform, uuid, django; print(platform.system())"],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == importlib.import_module("platform").system()
