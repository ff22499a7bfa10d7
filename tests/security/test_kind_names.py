"""Attack: a package or a catalogue filter naming a kind that isn't one (another module of
challenges/kinds/, a dunder, a path, a dotted name, a non-string) is refused with a clear
problem, never looked up: only names the registry (CHALLENGE_KINDS) holds are kinds."""

from pathlib import Path

import pytest

from challenges.packages import PackageError, package_from_content, read_package
from tests.security.test_authoring_json import CATALOGUE, package, post

HOSTILE_KINDS = ["base", "scoring", "__init__", "../kinds/sql", "challenges.kinds.sql", "SQL"]


@pytest.mark.parametrize("kind", [*HOSTILE_KINDS, ["sql"], {"sql": 1}, 7, None])
def test_the_authoring_api_refuses_a_kind_that_is_not_one(author, kind):
    response = post(author, {**package(), "kind": kind})
    assert response.status_code == 400, response.content
    assert "kind" in response.json()["package"]


@pytest.mark.parametrize("kind", HOSTILE_KINDS)
def test_package_content_refuses_it_before_any_kind_is_looked_up(kind):
    content = {**read_package(CATALOGUE / "order-total").content(), "kind": kind}
    with pytest.raises(PackageError) as info:
        package_from_content(Path("order-total"), content)
    assert info.value.problems == ["kind: must be one of api, design, python, schema, sql"]


def test_a_package_folder_with_such_a_kind_lists_the_problem(tmp_path):
    folder = tmp_path / "order-total"
    folder.mkdir()
    source = CATALOGUE / "order-total"
    for path in source.iterdir():
        if path.is_file():
            (folder / path.name).write_text(path.read_text())
    manifest = folder / "challenge.toml"
    manifest.write_text(manifest.read_text().replace('kind = "python"', 'kind = "scoring"'))
    with pytest.raises(PackageError) as info:
        read_package(folder)
    assert "challenge.toml: kind must be one of ['api', 'design', 'python', 'schema', 'sql']" in (
        info.value.problems
    )


@pytest.mark.parametrize("kind", [*HOSTILE_KINDS, "__proto__", "sql\x00"])
def test_the_catalogue_filters_refuse_a_kind_that_is_not_one(api_client, client, candidate, kind):
    response = api_client.get("/api/challenges/", {"kind": kind})
    assert response.status_code == 400
    assert list(response.json()) == ["kind"]
    client.force_login(candidate)
    page = client.get("/challenges/", {"kind": kind})
    # The page reports the filter and ignores it; nothing is looked up by that name.
    assert page.status_code == 200
    assert "is not one of the choices" in page.content.decode()
