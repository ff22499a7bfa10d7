"""Attack: an organisation author's SQL dataset whose seed allocates gigabytes
(`SELECT zeroblob(900000000)`) or never ends, to exhaust the web host that used to describe it
for the schema panel on every page view. The dataset is described only in the sandbox, at
validation (which fails here), and pages only read the stored description."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from rest_framework.test import APIClient

from challenges import sql_schema
from challenges.models import Challenge, ChallengeVersion
from challenges.packages import read_package
from organisations.models import Membership, Organisation
from tests.challenges.authoring import wait_for_validation
from tests.factories import UserFactory

PACKAGE = Path(settings.BASE_DIR) / "tests" / "challenges" / "packages" / "late-orders"
SEEDS = {
    "zeroblob": "SELECT zeroblob(900000000);\n",
    "endless": "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c) "
    "SELECT count(*) FROM c;\n",
}


@pytest.fixture
def no_dataset_sql_here(monkeypatch):
    """The web process (this one) must never run a dataset's SQL."""

    def refuse(*args, **kwargs):
        raise AssertionError("dataset SQL ran in the web process")

    monkeypatch.setattr(sql_schema, "describe_dataset", refuse)
    monkeypatch.setattr(sql_schema, "describe_dataset_isolated", refuse)


def client_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def org_and_author(name: str = "acme"):
    acme = Organisation.objects.create(slug=name, name=name.title())
    author = UserFactory(username=f"{name}-author", role="employer")
    Membership.objects.create(organisation=acme, user=author, role="author")
    return acme, author


def evil_package(seed: str) -> dict:
    content = read_package(PACKAGE).content()
    assets = {**content["assets"], "dataset/seed.sql": content["assets"]["dataset/seed.sql"] + seed}
    return {**content, "slug": "acme_late-orders", "assets": assets}


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_pages_only_read_the_stored_schema(db, client, no_dataset_sql_here, seed):
    acme, author = org_and_author()
    response = client_for(author).post(
        "/api/authoring/challenges/",
        {"organisation": "acme", "package": evil_package(SEEDS[seed])},
        format="json",
    )
    assert response.status_code == 201, response.content
    assert client_for(author).get("/api/authoring/challenges/acme_late-orders/").status_code == 200
    # Published as if it had validated (with a stored description): a page view reads that only.
    stored = [{"name": "orders", "columns": [], "row_count": 3, "sample_rows": []}]
    version = ChallengeVersion.objects.get(challenge__slug="acme_late-orders")
    ChallengeVersion.objects.filter(pk=version.pk).update(
        validation_ok=True, validation_state="done", sql_schema=stored
    )
    Challenge.objects.filter(pk=version.challenge_id).update(
        is_published=True, current_version=version
    )
    candidate = UserFactory(username="candidate")
    Membership.objects.create(organisation=acme, user=candidate, role="reviewer")
    assert client_for(candidate).get("/api/challenges/acme_late-orders/").json()["sql_schema"] == (
        stored
    )
    client.force_login(candidate)
    page = client.get("/challenges/acme_late-orders/")
    assert page.status_code == 200
    assert page.context["sql_schema"] == stored


def test_publishing_sql_needs_a_stored_schema(db):
    _, author = org_and_author()
    client_for(author).post(
        "/api/authoring/challenges/",
        {"organisation": "acme", "package": evil_package("")},
        format="json",
    )
    ChallengeVersion.objects.update(validation_ok=True, validation_state="done")
    response = client_for(author).post("/api/authoring/challenges/acme_late-orders/publish/")
    assert response.status_code == 400
    assert response.json() == {
        "version": ["version 1 has no described dataset for the schema panel; validate it again"]
    }


@pytest.mark.docker
def test_a_hostile_seed_fails_validation_in_the_sandbox(transactional_db, no_dataset_sql_here):
    from tests.worker_process import start_worker, stop_worker

    _, author = org_and_author()
    client = client_for(author)
    response = client.post(
        "/api/authoring/challenges/",
        {"organisation": "acme", "package": evil_package(SEEDS["zeroblob"])},
        format="json",
    )
    assert response.status_code == 201, response.content
    assert client.post("/api/authoring/challenges/acme_late-orders/validate/").status_code == 202
    worker = start_worker("--queue", "authoring")
    try:
        latest = wait_for_validation(client, "acme_late-orders", worker)
    finally:
        output = stop_worker(worker)
    assert latest["validation_ok"] is False, output
    problems = latest["validation_report"]["problems"]
    assert problems[0].startswith("the dataset can't be described for the schema panel: "), problems
    assert ChallengeVersion.objects.get().sql_schema is None
    response = client.post("/api/authoring/challenges/acme_late-orders/publish/")
    assert response.status_code == 400
    assert not Challenge.objects.get().is_published
