"""The admin can't write submissions (grading and review own them) nor show other orgs' ones."""

from __future__ import annotations

import dataclasses

import pytest
from django.contrib.auth.models import Permission

from challenges.packages import read_package
from challenges.services import challenge_import_package
from organisations.models import Membership, Organisation
from submissions.models import Submission
from tests.conftest import CATALOGUE
from tests.factories import UserFactory

CHANGE = "/admin/submissions/submission/{}/change/"


@pytest.fixture
def submissions(db):
    package = read_package(CATALOGUE / "order-total")
    acme = Organisation.objects.create(slug="acme", name="Acme")
    public = challenge_import_package(package=package).challenge
    private = challenge_import_package(
        package=dataclasses.replace(package, slug="acme_order-total"), organisation=acme
    ).challenge
    candidate = UserFactory(username="cand")

    def make(challenge):
        return Submission.objects.create(
            user=candidate, version=challenge.current_version, mode="submit", code="x = 1",
            status="running", attempts=1,
        )  # fmt: skip

    return {"public": make(public), "private": make(private), "acme": acme}


@pytest.fixture
def superuser_client(client, db):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    return client


def test_a_superuser_views_a_submission_but_cannot_change_it(superuser_client, submissions):
    submission = submissions["public"]
    page = superuser_client.get(CHANGE.format(submission.pk))
    assert page.status_code == 200
    html = page.content.decode()
    assert "View submission" in html
    assert 'name="_save"' not in html
    assert 'name="status"' not in html
    assert 'name="code"' not in html
    assert '<div class="readonly">Running</div>' in html

    response = superuser_client.post(
        CHANGE.format(submission.pk),
        {"user": submission.user_id, "version": submission.version_id, "mode": "submit",
         "status": "done", "verdict": "accepted", "score": "1.0", "attempts": "0"},
    )  # fmt: skip
    assert response.status_code == 403
    submission.refresh_from_db()
    assert (submission.status, submission.verdict, submission.attempts) == ("running", "", 1)


def test_no_add_and_no_delete(superuser_client, submissions):
    submission = submissions["public"]
    assert superuser_client.get("/admin/submissions/submission/add/").status_code == 403
    delete = f"/admin/submissions/submission/{submission.pk}/delete/"
    assert superuser_client.get(delete).status_code == 403
    assert superuser_client.post(delete, {"post": "yes"}).status_code == 403
    listing = superuser_client.get("/admin/submissions/submission/").content.decode()
    assert "delete_selected" not in listing
    bulk = superuser_client.post(
        "/admin/submissions/submission/",
        {"action": "delete_selected", "_selected_action": [submission.pk], "post": "yes"},
    )
    assert bulk.status_code in {200, 302}
    assert Submission.objects.filter(pk=submission.pk).exists()


def staff_with_view_permission(username: str):
    user = UserFactory(username=username, is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_submission"))
    return user


def listed(client) -> set[int]:
    response = client.get("/admin/submissions/submission/")
    assert response.status_code == 200
    return set(response.context["cl"].result_list.values_list("pk", flat=True))


def test_staff_see_an_organisations_submissions_only_as_its_authors(client, submissions):
    client.force_login(staff_with_view_permission("editor"))
    assert listed(client) == {submissions["public"].pk}
    assert client.get(CHANGE.format(submissions["private"].pk)).status_code == 302  # not found

    author = staff_with_view_permission("acme-editor")
    Membership.objects.create(organisation=submissions["acme"], user=author, role="author")
    client.force_login(author)
    assert listed(client) == {submissions["public"].pk, submissions["private"].pk}


def test_superusers_see_every_submission(superuser_client, submissions):
    assert listed(superuser_client) == {submissions["public"].pk, submissions["private"].pk}
