"""Attack: an organisation registers a slug the catalogue will ship later (or the other way
round) so that one side's content lands in the other's challenge. Organisation slugs are
`<organisation>_<name>`, which the catalogue's can never be; a clash left over from older data
is refused by the import, reported, and nothing crosses owners."""

from __future__ import annotations

import shutil

import pytest
from django.core.management import call_command
from rest_framework.test import APIClient

from challenges.models import Challenge
from challenges.packages import read_package
from challenges.services import ImportRefused, challenge_import_package
from tests.conftest import CATALOGUE
from tests.factories import UserFactory


def org_content(slug: str) -> dict:
    content = read_package(CATALOGUE / "order-total").content()
    return {**content, "slug": slug, "statement_md": "ACME PRIVATE statement."}


def test_an_organisation_cannot_take_a_catalogue_shaped_slug(author):
    for slug in ("order-total", "not-shipped-yet", "globex_order-total"):
        response = author.post(
            "/api/authoring/challenges/",
            {"organisation": "acme", "package": org_content(slug)},
            format="json",
        )
        assert response.status_code == 400, slug
        assert response.json()["package"]["slug"][0].startswith(
            "An organisation's challenge slug is 'acme_<name>'"
        )
    assert not Challenge.objects.exists()


def test_staff_cannot_put_an_organisation_slug_in_the_catalogue(db):
    staff = UserFactory(username="staff", is_staff=True)
    client = APIClient()
    client.force_authenticate(staff)
    response = client.post(
        "/api/authoring/challenges/",
        {"organisation": None, "package": org_content("acme_order-total")},
        format="json",
    )
    assert response.status_code == 400
    assert response.json() == {
        "package": {
            "slug": [
                "Slug must be lowercase words joined by hyphens "
                "(no '_': that is for organisations)."
            ]
        }
    }


def test_the_catalogue_never_lands_in_an_organisation_challenge(acme, tmp_path, capsys):
    # Older data: an organisation's challenge with a slug the catalogue now ships.
    squatted = challenge_import_package(
        package=read_package(CATALOGUE / "order-total"), publish=False, organisation=acme
    ).challenge
    versions = list(squatted.versions.values_list("content_digest", flat=True))
    folder = tmp_path / "catalogue"
    for name in ("order-total", "cursor-pagination"):
        shutil.copytree(CATALOGUE / name, folder / name)
    (folder / "order-total" / "statement.md").write_text("A new catalogue statement.\n")
    call_command("loadchallenges", str(folder))
    out, err = capsys.readouterr()
    assert "1 new or changed, 0 unchanged, 0 invalid, 1 refused" in out
    assert err == (
        "refused: order-total: the slug belongs to a challenge of an organisation, not of the "
        "public catalogue; it was left unchanged\n"
    )
    squatted.refresh_from_db()
    assert squatted.organisation == acme
    assert list(squatted.versions.values_list("content_digest", flat=True)) == versions
    assert Challenge.objects.get(slug="cursor-pagination").organisation is None


def test_an_organisation_never_writes_a_catalogue_challenge(acme, author):
    catalogue = challenge_import_package(package=read_package(CATALOGUE / "order-total"))
    digest = catalogue.version.content_digest
    with pytest.raises(ImportRefused, match="belongs to a challenge of the public catalogue"):
        challenge_import_package(
            package=read_package(CATALOGUE / "order-total"), publish=False, organisation=acme
        )
    response = author.put(
        "/api/authoring/challenges/order-total/",
        {"package": org_content("order-total")},
        format="json",
    )
    assert response.status_code == 404
    challenge = Challenge.objects.get(slug="order-total")
    assert challenge.organisation is None
    assert list(challenge.versions.values_list("content_digest", flat=True)) == [digest]
    assert "ACME PRIVATE" not in challenge.current_version.statement_md


def test_an_organisation_keeps_its_namespaced_slug(author):
    response = author.post(
        "/api/authoring/challenges/",
        {"organisation": "acme", "package": org_content("acme_order-total")},
        format="json",
    )
    assert response.status_code == 201
    changed = {**org_content("acme_order-total"), "statement_md": "Changed."}
    response = author.put(
        "/api/authoring/challenges/acme_order-total/", {"package": changed}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["latest_version"]["number"] == 2
    assert Challenge.objects.get().organisation.slug == "acme"
