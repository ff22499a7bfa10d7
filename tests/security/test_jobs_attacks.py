"""Attacks on jobs and applications: IDOR across organisations, stage tampering, XSS in job
descriptions, oversized notes, closed jobs, and attempts to rewrite a frozen snapshot."""

from __future__ import annotations

import hashlib
import re

import pytest
from rest_framework.test import APIClient

from jobs.models import Application, Job, StageChange
from jobs.services import application_create
from organisations.models import Membership, Organisation
from readiness.models import RoleProfile
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def signed_in(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def org_with_owner(slug: str):
    organisation = Organisation.objects.create(slug=slug, name=slug.capitalize())
    owner = UserFactory(username=f"{slug}-owner", role="employer")
    Membership.objects.create(organisation=organisation, user=owner, role="owner")
    return organisation, owner


def make_job(organisation, owner, **values) -> Job:
    from jobs.services import job_create

    defaults = {
        "title": "Engineer",
        "description_md": "Build things.",
        "location": "",
        "workplace": "remote",
        "role_profile": RoleProfile.objects.get(slug="junior-backend"),
        "minimum_readiness": 30,
    }
    return job_create(organisation=organisation, created_by=owner, **{**defaults, **values})


@pytest.fixture
def two_orgs(db):
    acme, acme_owner = org_with_owner("acme")
    globex, globex_owner = org_with_owner("globex")
    acme_job = make_job(acme, acme_owner, title="Acme job")
    globex_job = make_job(globex, globex_owner, title="Globex job")
    alice, bob = UserFactory(username="alice"), UserFactory(username="bob")
    return {
        "acme_owner": acme_owner,
        "globex_owner": globex_owner,
        "acme_job": acme_job,
        "globex_job": globex_job,
        "alice": alice,
        "bob": bob,
        "alice_app": application_create(job=acme_job, candidate=alice, note="alice's note"),
        "bob_app": application_create(job=globex_job, candidate=bob, note="bob's note"),
    }


def test_an_employer_cannot_read_or_move_another_orgs_applications(two_orgs):
    attacker = signed_in(two_orgs["globex_owner"])
    target = two_orgs["alice_app"]
    for url in (
        f"/api/employer/applications/{target.pk}/",
        f"/api/employer/jobs/{two_orgs['acme_job'].pk}/",
        f"/api/employer/jobs/{two_orgs['acme_job'].pk}/applicants/",
    ):
        response = attacker.get(url)
        assert response.status_code == 404, url
        assert b"alice" not in response.content
    moved = attacker.post(
        f"/api/employer/applications/{target.pk}/stage/", {"stage": "rejected"}, format="json"
    )
    assert moved.status_code == 404
    edited = attacker.patch(
        f"/api/employer/jobs/{two_orgs['acme_job'].pk}/", {"status": "closed"}, format="json"
    )
    assert edited.status_code == 404
    assert attacker.delete(f"/api/employer/jobs/{two_orgs['acme_job'].pk}/").status_code == 404
    assert Application.objects.get(pk=target.pk).stage == "new"
    assert Job.objects.get(pk=two_orgs["acme_job"].pk).status == "open"
    assert not StageChange.objects.exists()


def test_pages_refuse_the_same_across_organisations(client, two_orgs):
    client.force_login(two_orgs["globex_owner"])
    target = two_orgs["alice_app"]
    job = two_orgs["acme_job"]
    for url in (
        f"/employer/applications/{target.pk}/",
        f"/employer/applications/{target.pk}/snapshot.json",
        f"/employer/jobs/{job.pk}/",
        f"/employer/jobs/{job.pk}/edit/",
    ):
        assert client.get(url).status_code == 404, url
    assert (
        client.post(f"/employer/applications/{target.pk}/stage/", {"stage": "rejected"}).status_code
        == 404
    )
    assert client.post(f"/employer/jobs/{job.pk}/status/", {"action": "close"}).status_code == 404
    assert Application.objects.get(pk=target.pk).stage == "new"


def test_a_candidate_cannot_read_another_candidates_application(client, two_orgs):
    bob = signed_in(two_orgs["bob"])
    alice_app = two_orgs["alice_app"]
    assert bob.get(f"/api/me/applications/{alice_app.pk}/").status_code == 404
    assert bob.get(f"/api/employer/applications/{alice_app.pk}/").status_code == 404
    client.force_login(two_orgs["bob"])
    assert client.get(f"/applications/{alice_app.pk}/").status_code == 404
    ids = [a["id"] for a in bob.get("/api/me/applications/").json()["results"]]
    assert ids == [two_orgs["bob_app"].pk]


def test_a_candidate_cannot_move_their_own_stage(two_orgs):
    alice = signed_in(two_orgs["alice"])
    app = two_orgs["alice_app"]
    response = alice.post(
        f"/api/employer/applications/{app.pk}/stage/", {"stage": "hired"}, format="json"
    )
    assert response.status_code == 404
    assert Application.objects.get(pk=app.pk).stage == "new"


@pytest.mark.parametrize(
    "payload",
    [
        {"stage": "hired"},
        {"stage": "HIRED"},
        {"stage": ["shortlisted"]},
        {"stage": {"$ne": "new"}},
        {"stage": "new"},
        {},
        {"stage": "shortlisted\x00"},
    ],
)
def test_stage_tampering_is_refused(two_orgs, payload):
    owner = signed_in(two_orgs["acme_owner"])
    app = two_orgs["alice_app"]
    response = owner.post(f"/api/employer/applications/{app.pk}/stage/", payload, format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["stage"]
    assert Application.objects.get(pk=app.pk).stage == "new"
    assert not StageChange.objects.exists()


def test_a_final_stage_stays_final(two_orgs, django_capture_on_commit_callbacks):
    owner = signed_in(two_orgs["acme_owner"])
    url = f"/api/employer/applications/{two_orgs['alice_app'].pk}/stage/"
    with django_capture_on_commit_callbacks(execute=True):
        assert owner.post(url, {"stage": "rejected"}, format="json").status_code == 200
    for stage in ("new", "shortlisted", "hired", "rejected"):
        assert owner.post(url, {"stage": stage}, format="json").status_code == 400
    assert Application.objects.get(pk=two_orgs["alice_app"].pk).stage == "rejected"
    assert StageChange.objects.count() == 1


XSS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    '<a href="javascript:alert(1)">x</a>',
    "<iframe src=//evil.example></iframe>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    "<svg onload=alert(1)>",
]


@pytest.mark.parametrize("payload", XSS)
def test_markdown_xss_in_a_description_is_neutralised(client, two_orgs, payload):
    owner = signed_in(two_orgs["acme_owner"])
    response = owner.post(
        "/api/employer/jobs/",
        {
            "title": "<b>title</b>",
            "description_md": f"Hello\n\n{payload}",
            "workplace": "remote",
            "role_profile": "junior-backend",
            "minimum_readiness": 10,
        },
        format="json",
    )
    assert response.status_code == 201
    html = response.json()["description_html"]
    for needle in (
        "<script",
        "onerror",
        "javascript:",
        "<iframe",
        "style=",
        "onload",
        "<img",
        "<svg",
    ):
        # Only inside a tag would it act: shown as text (`&lt;svg onload=...`) it is harmless.
        assert not re.search("<[^<>]*" + re.escape(needle), html.lower()), (payload, html)
    client.force_login(two_orgs["alice"])
    page = client.get(f"/jobs/{response.json()['id']}/").content.decode()
    assert "<b>title</b>" not in page
    assert "&lt;b&gt;title&lt;/b&gt;" in page
    body = page[page.index('<div class="prose">') :]
    for needle in ("<script", "onerror", "javascript:", "<iframe", "onload"):
        assert not re.search("<[^<>]*" + re.escape(needle), body.lower()), payload


@pytest.mark.parametrize(
    ("note", "message"),
    [
        ("x" * 2001, "Ensure this field has no more than 2000 characters."),
        ("é" * 2001, "Ensure this field has no more than 2000 characters."),
        ("bad\x00byte", "Null characters are not allowed."),
        ("bell\x07", "Control characters aren't allowed in a note."),
        (["a list"], "Not a valid string."),
        ({"a": "dict"}, "Not a valid string."),
    ],
)
def test_bad_notes_are_refused(two_orgs, note, message):
    bob = signed_in(two_orgs["bob"])
    response = bob.post(
        f"/api/jobs/{two_orgs['acme_job'].pk}/apply/", {"note": note}, format="json"
    )
    assert response.status_code == 400
    assert response.json() == {"note": [message]}
    assert not Application.objects.filter(
        candidate=two_orgs["bob"], job=two_orgs["acme_job"]
    ).exists()


def test_a_huge_body_is_refused_before_parsing(two_orgs):
    bob = signed_in(two_orgs["bob"])
    response = bob.post(
        f"/api/jobs/{two_orgs['acme_job'].pk}/apply/",
        {"note": "x" * 3_000_000},
        format="json",
    )
    assert response.status_code == 413
    assert response.json() == {
        "detail": "The request body is larger than 1048576 bytes (1.0 MiB), the limit for this "
        "endpoint."
    }
    assert not Application.objects.filter(
        candidate=two_orgs["bob"], job=two_orgs["acme_job"]
    ).exists()


def test_applying_to_a_closed_job_is_refused(client, two_orgs):
    owner = signed_in(two_orgs["acme_owner"])
    job = two_orgs["acme_job"]
    owner.patch(f"/api/employer/jobs/{job.pk}/", {"status": "closed"}, format="json")
    bob = signed_in(two_orgs["bob"])
    # A closed job isn't visible to someone who never applied: 404, not a hint it exists.
    assert bob.post(f"/api/jobs/{job.pk}/apply/", {}, format="json").status_code == 404
    # Someone who applied still sees it, and is told it is closed.
    alice = signed_in(two_orgs["alice"])
    response = alice.post(f"/api/jobs/{job.pk}/apply/", {}, format="json")
    assert response.status_code == 400
    assert response.json() == {"detail": ["This job is closed and takes no more applications."]}
    client.force_login(two_orgs["bob"])
    assert client.post(f"/jobs/{job.pk}/apply/", {"note": "pls"}).status_code == 404
    assert Application.objects.filter(job=job).count() == 1


def test_an_employer_cannot_apply_to_their_own_orgs_job(two_orgs):
    owner = signed_in(two_orgs["acme_owner"])
    response = owner.post(f"/api/jobs/{two_orgs['acme_job'].pk}/apply/", {}, format="json")
    assert response.status_code == 400
    assert response.json() == {
        "detail": ["Employer accounts can't apply to jobs; use a candidate account."]
    }


@pytest.mark.parametrize(
    "extra",
    [
        {"snapshot_json": '{"role":{"score":100}}'},
        {"snapshot": {"role": {"score": 100, "low": 100}}},
        {"snapshot_sha256": "0" * 64, "role_score": 100, "role_low": 100, "stage": "hired"},
        {"candidate": 1, "job": 999},
    ],
)
def test_a_snapshot_cannot_be_supplied_when_applying(two_orgs, extra):
    bob = signed_in(two_orgs["bob"])
    job = two_orgs["acme_job"]
    response = bob.post(f"/api/jobs/{job.pk}/apply/", {"note": "hi", **extra}, format="json")
    assert response.status_code == 201
    app = Application.objects.get(candidate=two_orgs["bob"], job=job)
    assert app.stage == "new"
    assert app.role_score < 100
    assert '"score":100' not in app.snapshot_json
    assert app.snapshot_sha256 == hashlib.sha256(app.snapshot_json.encode()).hexdigest()


def test_a_snapshot_cannot_be_rewritten_through_the_api(two_orgs):
    app = two_orgs["alice_app"]
    before = (app.snapshot_json, app.snapshot_sha256, app.role_score)
    owner = signed_in(two_orgs["acme_owner"])
    alice = signed_in(two_orgs["alice"])
    forged = {"snapshot": {"role": {"score": 99}}, "snapshot_json": "{}", "role_score": 99}
    for client, method, url in (
        (owner, "put", f"/api/employer/applications/{app.pk}/"),
        (owner, "patch", f"/api/employer/applications/{app.pk}/"),
        (owner, "delete", f"/api/employer/applications/{app.pk}/"),
        (alice, "put", f"/api/me/applications/{app.pk}/"),
        (alice, "patch", f"/api/me/applications/{app.pk}/"),
        (alice, "delete", f"/api/me/applications/{app.pk}/"),
    ):
        assert getattr(client, method)(url, forged, format="json").status_code == 405, url
    # The stage endpoint takes the stage only: anything else in the body is ignored.
    moved = owner.post(
        f"/api/employer/applications/{app.pk}/stage/",
        {"stage": "shortlisted", **forged},
        format="json",
    )
    assert moved.status_code == 200
    # Editing the job may not reach its applications either.
    edit = owner.patch(f"/api/employer/jobs/{two_orgs['acme_job'].pk}/", forged, format="json")
    assert edit.status_code == 400
    assert edit.json() == {
        "role_score": ["This field can't be changed."],
        "snapshot": ["This field can't be changed."],
        "snapshot_json": ["This field can't be changed."],
    }
    app = Application.objects.get(pk=app.pk)
    assert (app.snapshot_json, app.snapshot_sha256, app.role_score) == before


def test_the_admin_cannot_change_an_application(client, two_orgs):
    admin = UserFactory(username="root", is_staff=True, is_superuser=True)
    client.force_login(admin)
    app = two_orgs["alice_app"]
    page = client.get(f"/admin/jobs/application/{app.pk}/change/")
    assert page.status_code == 200
    assert b'name="snapshot_json"' not in page.content
    assert b'name="stage"' not in page.content
    post = client.post(f"/admin/jobs/application/{app.pk}/change/", {"stage": "hired", "note": "x"})
    assert post.status_code == 403
    assert (
        client.post(f"/admin/jobs/application/{app.pk}/delete/", {"post": "yes"}).status_code == 403
    )
    assert client.get("/admin/jobs/application/add/").status_code == 403
    assert Application.objects.get(pk=app.pk).stage == "new"


def test_the_job_filters_are_bounded(two_orgs):
    bob = signed_in(two_orgs["bob"])
    response = bob.get("/api/jobs/", {"search": "x" * 101})
    assert response.status_code == 400
    assert response.json() == {"search": ["Ensure this field has no more than 100 characters."]}
    assert bob.get("/api/jobs/", {"search": "%_%"}).json()["count"] == 0


def test_ids_that_do_not_exist_or_overflow_are_404(two_orgs):
    owner = signed_in(two_orgs["acme_owner"])
    for url in (
        "/api/jobs/99999999/",
        "/api/employer/applications/99999999/",
        "/api/employer/jobs/9223372036854775808/",
    ):
        assert owner.get(url).status_code == 404, url
