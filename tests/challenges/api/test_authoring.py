"""The authoring API: create from a package, version on change, validate, then publish."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core.cache import cache
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from rest_framework.test import APIClient

from challenges.models import Challenge, ChallengeVersion
from challenges.packages import read_package
from challenges.services import VALIDATION_STALE_AFTER, challenge_version_validation_request
from challenges.tasks import validate_challenge_version
from challenges.validation import ValidationReport
from organisations.models import Membership, Organisation
from tests.challenges.authoring import wait_for_validation
from tests.conftest import CATALOGUE
from tests.factories import UserFactory


def client_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def package_json():
    content = read_package(CATALOGUE / "order-total").content()
    return {**content, "slug": "acme_order-total"}


@pytest.fixture
def acme(db):
    return Organisation.objects.create(slug="acme", name="Acme")


@pytest.fixture
def author(acme):
    user = UserFactory(username="acme-author", role="employer")
    Membership.objects.create(organisation=acme, user=user, role="author")
    return user


def test_candidates_may_not_author(db, package_json):
    response = client_for(UserFactory(username="c")).post(
        "/api/authoring/challenges/", {"package": package_json}, format="json"
    )
    assert response.status_code == 403
    assert response.json() == {"detail": "You may not author challenges here."}


def test_employer_creates_a_private_unpublished_challenge(author, package_json):
    response = client_for(author).post(
        "/api/authoring/challenges/",
        {"organisation": "acme", "package": package_json},
        format="json",
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["slug"] == "acme_order-total"
    assert body["organisation"] == "acme"
    assert body["is_published"] is False
    assert body["latest_version"]["number"] == 1
    assert body["latest_version"]["validation_ok"] is None
    assert Challenge.objects.get(slug="acme_order-total").organisation.slug == "acme"


def test_employers_may_not_write_the_public_catalogue(author, package_json):
    response = client_for(author).post(
        "/api/authoring/challenges/", {"package": package_json}, format="json"
    )
    assert response.status_code == 403


def test_invalid_packages_list_every_problem(author, package_json):
    package_json["difficulty"] = "extreme"
    package_json["cases"] = [{"name": "only", "visibility": "hidden", "input": {"args": []}}]
    response = client_for(author).post(
        "/api/authoring/challenges/",
        {"organisation": "acme", "package": package_json},
        format="json",
    )
    assert response.status_code == 400
    assert response.json() == {
        "package": {
            "difficulty": ['"extreme" is not a valid choice.'],
            "cases": ["case 1: 'expected' is missing"],
        }
    }
    package_json["difficulty"] = "easy"
    response = client_for(author).post(
        "/api/authoring/challenges/",
        {"organisation": "acme", "package": package_json},
        format="json",
    )
    assert response.json() == {"package": {"cases": ["case 1: 'expected' is missing"]}}
    package_json["cases"][0]["expected"] = 1
    package_json["config"]["entrypoint"] = "not an identifier"
    response = client_for(author).post(
        "/api/authoring/challenges/",
        {"organisation": "acme", "package": package_json},
        format="json",
    )
    assert response.status_code == 400
    assert response.json() == {
        "package": [
            "challenge.toml: [python] entrypoint must be a Python identifier",
            "cases.json: case 1 ('only'): a hidden case needs a 'category' (shown with it)",
            "cases.json: case 1 ('only'): a hidden case needs a 'hint' (shown when it fails)",
            "cases.json: at least one case must be a visible example",
        ]
    }


def test_publishing_requires_a_passing_validation(author, package_json, monkeypatch):
    client = client_for(author)
    client.post(
        "/api/authoring/challenges/",
        {"organisation": "acme", "package": package_json},
        format="json",
    )
    response = client.post("/api/authoring/challenges/acme_order-total/publish/")
    assert response.status_code == 400
    assert response.json() == {
        "version": ["version 1 has not passed validation; validate it first"]
    }


def test_unchanged_content_makes_no_new_version_and_changes_do(author, package_json):
    client = client_for(author)
    client.post(
        "/api/authoring/challenges/",
        {"organisation": "acme", "package": package_json},
        format="json",
    )
    url = "/api/authoring/challenges/acme_order-total/"
    assert (
        client.put(url, {"package": package_json}, format="json").json()["latest_version"]["number"]
        == 1
    )
    package_json["statement_md"] += "\nMore."
    body = client.put(url, {"package": package_json}, format="json").json()
    assert body["latest_version"]["number"] == 2
    detail = client.get(url).json()
    assert detail["package"]["statement_md"].endswith("More.")
    assert len(detail["package"]["cases"]) == 12  # authors see hidden cases


def test_other_organisations_cannot_see_it(author, package_json):
    client_for(author).post(
        "/api/authoring/challenges/",
        {"organisation": "acme", "package": package_json},
        format="json",
    )
    outsider = UserFactory(username="outsider", role="employer")
    assert (
        client_for(outsider).get("/api/authoring/challenges/acme_order-total/").status_code == 404
    )
    assert client_for(outsider).get("/api/authoring/challenges/").json()["results"] == []
    listed = client_for(author).get("/api/authoring/challenges/").json()
    assert [(c["slug"], c["latest_version"]["number"]) for c in listed["results"]] == [
        ("acme_order-total", 1)
    ]


def tasks_queued(queue: str = "authoring") -> list:
    return list(DBTaskResult.objects.filter(queue_name=queue).values_list("args_kwargs", flat=True))


def test_validate_answers_202_queued_and_enqueues_once(
    author, package_json, django_capture_on_commit_callbacks
):
    client = client_for(author)
    client.post(
        "/api/authoring/challenges/",
        {"organisation": "acme", "package": package_json},
        format="json",
    )
    url = "/api/authoring/challenges/acme_order-total/validate/"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert response.status_code == 202
    body = response.json()
    assert (body["number"], body["validation_state"], body["validation_ok"]) == (1, "queued", None)
    version = ChallengeVersion.objects.get(challenge__slug="acme_order-total")
    assert tasks_queued() == [{"args": [version.pk], "kwargs": {}}]
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(url)
    assert again.status_code == 202
    assert again.json()["validation_state"] == "queued"
    assert len(tasks_queued()) == 1  # asking again while queued queues nothing more
    ChallengeVersion.objects.filter(pk=version.pk).update(validation_state="running")
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url).json()["validation_state"] == "running"
    assert len(tasks_queued()) == 1
    assert tasks_queued("default") == []


def test_validate_is_throttled_per_user(author, package_json, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {
            **settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"],
            "authoring_validate": "2/hour",
        },
    }
    cache.clear()
    client = client_for(author)
    client.post(
        "/api/authoring/challenges/",
        {"organisation": "acme", "package": package_json},
        format="json",
    )
    url = "/api/authoring/challenges/acme_order-total/validate/"
    assert [client.post(url).status_code for _ in range(3)] == [202, 202, 429]
    other = UserFactory(username="acme-author-2", role="employer")
    Membership.objects.create(
        organisation=author.memberships.get().organisation, user=other, role="author"
    )
    assert client_for(other).post(url).status_code == 202


def test_an_organisation_slug_must_carry_its_prefix(author, package_json):
    package_json["slug"] = "order-total"
    response = client_for(author).post(
        "/api/authoring/challenges/",
        {"organisation": "acme", "package": package_json},
        format="json",
    )
    assert response.status_code == 400
    assert response.json() == {
        "package": {
            "slug": [
                "An organisation's challenge slug is 'acme_<name>', <name> lowercase words "
                "joined by hyphens (e.g. 'acme_order-total'): the catalogue's slugs never "
                "contain '_', so they can never collide with an organisation's."
            ]
        }
    }
    assert not Challenge.objects.exists()


def test_the_validation_task_claims_once_and_runs_as_background_work(author, package_json):
    from runner import facade

    client_for(author).post(
        "/api/authoring/challenges/",
        {"organisation": "acme", "package": package_json},
        format="json",
    )
    version = ChallengeVersion.objects.get()
    seen = []

    def fake_validate(v):
        seen.append(facade._background.get())
        report = ValidationReport(slug=v.challenge.slug, version=v.number)
        return report

    validate_challenge_version.call(version.pk)  # nothing queued: a duplicate delivery
    assert seen == []
    ChallengeVersion.objects.filter(pk=version.pk).update(validation_state="queued")
    with mock.patch("challenges.validation.validate_version", fake_validate):
        validate_challenge_version.call(version.pk)
        validate_challenge_version.call(version.pk)
    assert seen == [True]  # inside background_runs(): never the last sandbox slot
    version.refresh_from_db()
    assert (version.validation_state, version.validation_ok) == ("done", True)


def test_a_crash_in_validation_finishes_it_as_failed(author, package_json):
    client_for(author).post(
        "/api/authoring/challenges/",
        {"organisation": "acme", "package": package_json},
        format="json",
    )
    version = ChallengeVersion.objects.get()
    ChallengeVersion.objects.filter(pk=version.pk).update(validation_state="queued")
    with mock.patch("challenges.validation.validate_version", side_effect=RecursionError):
        validate_challenge_version.call(version.pk)
    version.refresh_from_db()
    assert (version.validation_state, version.validation_ok) == ("done", False)
    assert version.validation_report["problems"] == [
        "validation failed on our side; try again later"
    ]


def test_a_lost_validation_can_be_asked_again(author, package_json):
    client_for(author).post(
        "/api/authoring/challenges/",
        {"organisation": "acme", "package": package_json},
        format="json",
    )
    version = ChallengeVersion.objects.get()
    long_ago = timezone.now() - VALIDATION_STALE_AFTER - timedelta(seconds=1)
    ChallengeVersion.objects.filter(pk=version.pk).update(
        validation_state="running", validation_requested_at=long_ago
    )
    assert challenge_version_validation_request(version=version) is True
    assert version.validation_state == "queued"
    assert challenge_version_validation_request(version=version) is False


@pytest.mark.docker
def test_validate_in_the_worker_then_publish(transactional_db, package_json):
    from tests.worker_process import start_worker, stop_worker

    acme = Organisation.objects.create(slug="acme", name="Acme")
    user = UserFactory(username="acme-author", role="employer")
    Membership.objects.create(organisation=acme, user=user, role="author")
    client = client_for(user)
    client.post(
        "/api/authoring/challenges/",
        {"organisation": "acme", "package": package_json},
        format="json",
    )
    response = client.post("/api/authoring/challenges/acme_order-total/validate/")
    assert response.status_code == 202
    assert response.json()["validation_state"] == "queued"
    worker = start_worker("--queue", "authoring")
    try:
        latest = wait_for_validation(client, "acme_order-total", worker)
    finally:
        output = stop_worker(worker)
    assert latest["validation_ok"] is True, (latest, output)
    assert latest["validation_report"]["problems"] == []
    assert [m["killed"] for m in latest["validation_report"]["mutants"]] == [True, True, True]
    published = client.post("/api/authoring/challenges/acme_order-total/publish/").json()
    assert published["is_published"] is True
    assert published["published_version"] == 1


def test_markdown_preview_is_sanitised(author):
    response = client_for(author).post(
        "/api/authoring/preview/", {"markdown": "**hi** <script>x</script>"}, format="json"
    )
    assert response.json() == {
        "html": "<p><strong>hi</strong> &lt;script&gt;x&lt;/script&gt;</p>",
        "warnings": [
            "line 1: <script> is not allowed; shown as text",
            "line 1: </script> is not allowed; shown as text",
        ],
    }
