"""Attack: an author names package assets so that validating the package writes files on the web
host. Every such name answers 400 naming the key, and no file is created anywhere."""

import os
import secrets
import tempfile
from pathlib import Path

import pytest
from django.conf import settings

from challenges import packages
from challenges.models import Challenge
from challenges.packages import read_package

SQL_PACKAGE = Path(settings.BASE_DIR) / "tests" / "challenges" / "packages" / "late-orders"


@pytest.fixture
def sql_package():
    content = read_package(SQL_PACKAGE).content()
    return {**content, "slug": "acme_late-orders"}


@pytest.fixture
def writes(monkeypatch):
    """Every package folder written (the one code path that writes package files)."""
    written = []
    real = packages.write_package

    def recording(package, folder):
        written.append(package.slug)
        return real(package, folder)

    monkeypatch.setattr(packages, "write_package", recording)
    return written


def places(name: str) -> list[Path]:
    """Where a file named `name` could land: as given, and against every likely base."""
    bases = [Path(tempfile.gettempdir()), Path.cwd(), Path(settings.BASE_DIR), Path("/")]
    found = [Path(name)] if name.startswith("/") else []
    for base in bases:
        for depth in range(4):
            climbed = os.path.join(base, *[".."] * depth, name.lstrip("/"))
            found.append(Path(os.path.normpath(climbed)))
            found.append(base / Path(name.replace("\\", "/")).name)
    return found


def exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:  # a name too long for the filesystem: nothing can be there
        return False


def with_assets(package: dict, extra: dict) -> dict:
    return {**package, "assets": {**package["assets"], **extra}}


def attacks(token: str) -> list[str]:
    return [
        f"/tmp/pwned-{token}",
        f"/tmp/pwned-{token}.sql",
        f"../../pwned-{token}",
        f"../../pwned-{token}.sql",
        f"dataset/../../pwned-{token}.sql",
        f"dataset/../../../../tmp/pwned-{token}.sql",
        f"dataset\\..\\..\\pwned-{token}.sql",
        f"a\\pwned-{token}",
        f".pwned-{token}",
        f"dataset/.pwned-{token}.sql",
        "dataset/" + "x" * 300 + f"-{token}.sql",
    ]


@pytest.mark.parametrize("method", ["post", "put"])
def test_hostile_asset_names_are_refused_and_nothing_is_written(
    author, sql_package, writes, method
):
    url = "/api/authoring/challenges/"
    if method == "put":
        created = author.post(url, {"organisation": "acme", "package": sql_package}, format="json")
        assert created.status_code == 201, created.json()
        url += "acme_late-orders/"
        writes.clear()
    token = secrets.token_hex(8)
    for name in attacks(token):
        body = {"package": with_assets(sql_package, {name: "CREATE TABLE x(a);"})}
        if method == "post":
            body["organisation"] = "acme"
        response = getattr(author, method)(url, body, format="json")
        assert response.status_code == 400, (name, response.content)
        (problem,) = response.json()["package"]["assets"]
        assert problem.startswith(repr(name if len(name) <= 60 else name[:60] + "...")), problem
        for place in places(name):
            assert not exists(place), place
    assert writes == []  # refused before anything touched the filesystem
    assert Challenge.objects.count() == (1 if method == "put" else 0)


def test_too_many_and_too_large_assets_are_refused(author, sql_package, writes):
    many = {f"dataset/extra-{i}.sql": "" for i in range(64)}
    body = {
        "organisation": "acme",
        "package": with_assets(sql_package, many),
    }
    response = author.post("/api/authoring/challenges/", body, format="json")
    assert response.status_code == 400
    assert response.json() == {"package": {"assets": ["at most 64 files (got 67)"]}}
    huge = {"dataset/huge.sql": "-- " + "x" * (2 * 1024 * 1024)}
    body = {
        "organisation": "acme",
        "package": with_assets(sql_package, huge),
    }
    response = author.post("/api/authoring/challenges/", body, format="json")
    assert response.status_code == 400
    assert response.json() == {
        "package": {
            "assets": [
                "'dataset/huge.sql': 2097155 bytes; a file is at most 2097152",
            ]
        }
    }
    assert writes == []


def test_mutant_names_cant_climb_out(author, writes):
    content = read_package(Path(settings.BASE_DIR) / "challenges" / "catalogue" / "order-total")
    package = {
        **content.content(),
        "slug": "acme_order-total",
        "mutants": [{"name": "../../pwned", "code": "x = 1\n"}],
    }
    response = author.post(
        "/api/authoring/challenges/", {"organisation": "acme", "package": package}, format="json"
    )
    assert response.status_code == 400
    assert response.json() == {
        "package": {"mutants": {"0": {"name": ["This value does not match the required pattern."]}}}
    }
    assert writes == []


def test_a_valid_sql_package_is_written_only_in_a_temporary_folder(author, sql_package, writes):
    response = author.post(
        "/api/authoring/challenges/",
        {"organisation": "acme", "package": sql_package},
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert writes == ["acme_late-orders"]
    assert not (Path(tempfile.gettempdir()) / "acme_late-orders").exists()
    assert not (Path.cwd() / "acme_late-orders").exists()
