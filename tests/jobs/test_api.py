"""The jobs API: browsing and applying, employers' jobs, ranked applicants, snapshots, stages."""

from __future__ import annotations

import hashlib
import json

import pytest
from django.core import mail
from django.utils import timezone

from jobs.models import Application, Job
from jobs.snapshot import canonical_json
from readiness.models import RoleProfile
from readiness.queries import readiness_snapshot
from readiness.services import readiness_refresh
from tests.factories import UserFactory, graded_submit, published_challenge
from tests.jobs.conftest import api, user
from tests.jobs.helpers import post_job, practise

pytestmark = pytest.mark.django_db

JOB_BODY = {
    "title": "Payments engineer",
    "description_md": "Build **ledgers**.",
    "location": "Remote, EU",
    "workplace": "remote",
    "role_profile": "backend-fintech",
    "minimum_readiness": 40,
}


def test_an_employer_posts_edits_closes_and_reopens_a_job(acme, applicant):
    owner = api("owner")
    response = owner.post("/api/employer/jobs/", JOB_BODY, format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    job_id = body["id"]
    assert {k: body[k] for k in JOB_BODY} == JOB_BODY
    assert body["description_html"] == "<p>Build <strong>ledgers</strong>.</p>"
    assert body["organisation"] == {"slug": "acme", "name": "Acme"}
    assert (body["status"], body["role_profile_name"]) == ("open", "Backend engineer (fintech)")

    response = owner.patch(
        f"/api/employer/jobs/{job_id}/",
        {"description_md": "# Ledgers", "minimum_readiness": 55},
        format="json",
    )
    assert response.status_code == 200
    assert (response.json()["description_html"], response.json()["minimum_readiness"]) == (
        "<h1>Ledgers</h1>",
        55,
    )
    closed = owner.patch(f"/api/employer/jobs/{job_id}/", {"status": "closed"}, format="json")
    assert closed.json()["status"] == "closed"
    assert api("applicant").get("/api/jobs/").json()["count"] == 0
    reopened = owner.patch(f"/api/employer/jobs/{job_id}/", {"status": "open"}, format="json")
    assert reopened.json()["status"] == "open"
    assert [j["id"] for j in api("applicant").get("/api/jobs/").json()["results"]] == [job_id]


def test_posting_validates_every_field(acme):
    response = api("author").post(
        "/api/employer/jobs/",
        {
            "title": "",
            "description_md": "x" * 20_001,
            "workplace": "mars",
            "role_profile": "astronaut",
            "minimum_readiness": 101,
        },
        format="json",
    )
    assert response.status_code == 400
    assert response.json() == {
        "title": ["This field may not be blank."],
        "description_md": ["Ensure this field has no more than 20000 characters."],
        "workplace": ['"mars" is not a valid choice.'],
        "role_profile": ["Object with slug=astronaut does not exist."],
        "minimum_readiness": ["Ensure this value is less than or equal to 100."],
    }
    assert not Job.objects.exists()


def test_a_candidate_or_reviewer_cannot_post(acme):
    for name in ("reviewer", "member"):
        response = api(name).post("/api/employer/jobs/", JOB_BODY, format="json")
        assert response.status_code == 403
        assert response.json() == {"detail": "You don't post jobs for any organisation."}
    UserFactory(username="cand")
    assert api("cand").post("/api/employer/jobs/", JOB_BODY, format="json").status_code == 403


def test_posting_for_another_organisation_by_slug_is_refused(acme, globex):
    response = api("owner").post(
        "/api/employer/jobs/", {**JOB_BODY, "organisation": "globex"}, format="json"
    )
    assert response.status_code == 400
    assert response.json() == {
        "organisation": ["You don't post jobs for an organisation with this slug."]
    }
    assert not Job.objects.exists()


def test_the_employer_job_list_counts_applicants_per_stage(job, application):
    from jobs.services import application_move_stage

    application_move_stage(application=application, to="shortlisted", by=user("owner"))
    rows = api("reviewer").get("/api/employer/jobs/").json()["results"]
    assert [(r["id"], r["applicants"]) for r in rows] == [
        (job.pk, {"total": 1, "new": 0, "shortlisted": 1, "rejected": 0, "hired": 0})
    ]


def test_a_job_nobody_applied_to_can_be_deleted(acme, job, application):
    empty = post_job(acme, title="Nobody applied")
    assert api("owner").delete(f"/api/employer/jobs/{empty.pk}/").status_code == 204
    response = api("owner").delete(f"/api/employer/jobs/{job.pk}/")
    assert response.status_code == 409
    assert response.json() == {
        "detail": "Candidates applied to this job: close it instead of deleting it."
    }
    assert list(Job.objects.values_list("pk", flat=True)) == [job.pk]


def test_candidates_browse_with_filters(acme, globex):
    backend = post_job(acme, title="Python backend", workplace="remote")
    fintech = post_job(
        globex,
        title="Ledger engineer",
        workplace="onsite",
        role_profile=RoleProfile.objects.get(slug="backend-fintech"),
        description_md="Double-entry bookkeeping",
    )
    closed = post_job(acme, title="Closed one")
    Job.objects.filter(pk=closed.pk).update(status="closed")
    UserFactory(username="cand")
    client = api("cand")

    def ids(query: str) -> list[int]:
        return [j["id"] for j in client.get(f"/api/jobs/{query}").json()["results"]]

    assert ids("") == [fintech.pk, backend.pk]
    assert ids("?role=backend-fintech") == [fintech.pk]
    assert ids("?workplace=remote") == [backend.pk]
    assert ids("?search=bookkeeping") == [fintech.pk]
    assert ids("?search=globex") == [fintech.pk]
    assert ids("?search=python%20remote") == []
    assert ids("?search=python%20lisbon") == [backend.pk]
    bad = client.get("/api/jobs/?role=nope&workplace=moon")
    assert bad.status_code == 400
    assert bad.json() == {
        "role": ["Object with slug=nope does not exist."],
        "workplace": ['"moon" is not a valid choice.'],
    }


def test_the_job_detail_shows_my_readiness_and_the_minimum(acme, job, applicant):
    practise(applicant, solved=3)
    body = api("applicant").get(f"/api/jobs/{job.pk}/").json()
    role = readiness_snapshot(user=applicant, role=job.role_profile)["role"]
    fit = body["your_readiness"]
    assert {k: fit[k] for k in ("score", "low", "high", "verdict")} == {
        k: role[k] for k in ("score", "low", "high", "verdict")
    }
    assert fit["meets_minimum"] is (fit["score"] >= 50)
    assert (body["minimum_readiness"], body["your_application"]) == (50, None)


def test_apply_once_then_see_it_in_my_applications(job, applicant):
    client = api("applicant")
    response = client.post(f"/api/jobs/{job.pk}/apply/", {"note": "I like ledgers"}, format="json")
    assert response.status_code == 201
    application = Application.objects.get()
    assert response.json() == {
        "id": application.pk,
        "job": {
            "id": job.pk,
            "title": "Backend engineer",
            "organisation": "Acme",
            "status": "open",
        },
        "note": "I like ledgers",
        "stage": "new",
        "created_at": application.created_at.isoformat().replace("+00:00", "Z"),
        "stage_changed_at": None,
    }
    again = client.post(f"/api/jobs/{job.pk}/apply/", {"note": "again"}, format="json")
    assert again.status_code == 400
    assert again.json() == {"detail": ["You have already applied to this job."]}
    mine = client.get("/api/me/applications/").json()
    assert [(a["id"], a["stage"]) for a in mine["results"]] == [(application.pk, "new")]
    assert client.get(f"/api/jobs/{job.pk}/").json()["your_application"] == application.pk


def test_applicants_are_ranked_by_their_frozen_readiness(job):
    strong, middle, weak = (UserFactory(username=n) for n in ("strong", "middle", "weak"))
    practise(strong, solved=6)
    practise(middle, solved=2, failed=1)
    practise(weak, solved=0, failed=4)
    for candidate in (weak, strong, middle):
        assert api(candidate.username).post(f"/api/jobs/{job.pk}/apply/").status_code == 201
    snapshots = {
        a.candidate.username: json.loads(a.snapshot_json)["role"] for a in Application.objects.all()
    }
    expected = sorted(snapshots, key=lambda n: (-snapshots[n]["score"], -snapshots[n]["low"]))
    assert expected == ["strong", "middle", "weak"]

    body = api("reviewer").get(f"/api/employer/jobs/{job.pk}/applicants/").json()
    rows = body["results"]
    assert [(r["rank"], r["candidate"]) for r in rows] == [
        (1, "strong"),
        (2, "middle"),
        (3, "weak"),
    ]
    for row in rows:
        assert row["readiness"] == snapshots[row["candidate"]]
        assert row["under_minimum"] is (row["readiness"]["score"] < 50)
        assert row["stage"] == "new"
    assert rows[2]["under_minimum"] is True


def test_ties_rank_by_the_band_then_by_who_applied_first(job):
    first, second = UserFactory(username="first"), UserFactory(username="second")
    # No evidence: both have the prior's numbers, so the earlier application ranks first.
    for candidate in (first, second):
        api(candidate.username).post(f"/api/jobs/{job.pk}/apply/")
    rows = api("owner").get(f"/api/employer/jobs/{job.pk}/applicants/").json()["results"]
    assert [r["candidate"] for r in rows] == ["first", "second"]
    assert rows[0]["readiness"] == rows[1]["readiness"]


def test_the_application_detail_returns_the_stored_snapshot_verbatim(application):
    response = api("owner").get(f"/api/employer/applications/{application.pk}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    stored = application.snapshot_json.encode("utf-8")
    assert response.content.endswith(b',"snapshot":' + stored + b"}")
    body = response.json()
    assert canonical_json(body["snapshot"]) == application.snapshot_json
    assert body["snapshot_sha256"] == hashlib.sha256(stored).hexdigest()
    assert (body["candidate"], body["note"], body["stage"], body["history"]) == (
        "Ada Applicant",
        "Hello",
        "new",
        [],
    )
    mine = api("applicant").get(f"/api/me/applications/{application.pk}/")
    assert mine.json()["snapshot"] == body["snapshot"]


def test_stage_changes_through_the_api_email_the_candidate(
    application, django_capture_on_commit_callbacks
):
    client = api("reviewer")
    url = f"/api/employer/applications/{application.pk}/stage/"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"stage": "shortlisted"}, format="json")
    assert response.status_code == 200
    body = response.json()
    assert body["stage"] == "shortlisted"
    assert [(h["from_stage"], h["to_stage"], h["changed_by"]) for h in body["history"]] == [
        ("new", "shortlisted", "reviewer")
    ]
    assert [(m.subject, m.to) for m in mail.outbox] == [
        ("Your application for Backend engineer at Acme: Shortlisted", ["applicant@example.com"])
    ]
    refused = client.post(url, {"stage": "new"}, format="json")
    assert refused.status_code == 400
    assert refused.json() == {
        "stage": [
            "An application can't move from shortlisted to new. From shortlisted: hired, rejected."
        ]
    }
    assert len(mail.outbox) == 1
    mine = api("applicant").get("/api/me/applications/").json()["results"]
    assert mine[0]["stage"] == "shortlisted"


def test_an_employer_without_an_organisation_creates_one(db):
    boss = UserFactory(username="boss", role="employer")
    client = api("boss")
    bad = client.post("/api/organisations/", {"name": "Acme", "slug": "acme_x"}, format="json")
    assert bad.status_code == 400
    assert bad.json() == {
        "slug": [
            "An organisation's slug can't contain '_': it separates the organisation from its "
            "challenges' names. Use letters, digits and hyphens."
        ]
    }
    response = client.post("/api/organisations/", {"name": "Acme", "slug": "acme"}, format="json")
    assert response.status_code == 201
    assert response.json() == {"slug": "acme", "name": "Acme", "role": "owner"}
    assert boss.memberships.get().role == "owner"
    again = client.post("/api/organisations/", {"name": "Two", "slug": "two"}, format="json")
    assert again.status_code == 403
    assert again.json() == {"detail": "You already belong to an organisation."}
    UserFactory(username="cand")
    candidate = api("cand").post("/api/organisations/", {"name": "C", "slug": "c"}, format="json")
    assert candidate.status_code == 403
    assert candidate.json() == {"detail": "Only employer accounts create organisations."}


def test_acceptance_the_snapshot_is_byte_identical_after_the_score_changes(job, applicant, client):
    """Apply, then a new graded submit and readiness_refresh: the stored text, the API's bytes
    and the page's snapshot section are all unchanged."""
    practise(applicant, solved=1)
    assert api("applicant").post(f"/api/jobs/{job.pk}/apply/", {"note": "n"}).status_code == 201
    application = Application.objects.get()
    stored_before = application.snapshot_json
    api_before = api("owner").get(f"/api/employer/applications/{application.pk}/").content
    client.force_login(user("owner"))
    page_before = client.get(f"/employer/applications/{application.pk}/").content.decode()
    download_before = client.get(f"/employer/applications/{application.pk}/snapshot.json").content
    live_before = readiness_snapshot(user=applicant, role=job.role_profile)

    # The candidate practises more: a hard challenge on a heavily weighted skill, solved.
    challenge = published_challenge(
        "window-functions", difficulty="hard", skills={"sql-querying": 1.0}
    )
    now = timezone.now()
    graded_submit(applicant, challenge, score=1.0, when=now)
    readiness_refresh(user_id=applicant.pk, challenge_id=challenge.pk, as_of=now)
    live_after = readiness_snapshot(user=applicant, role=job.role_profile)
    assert live_after["role"]["score"] != live_before["role"]["score"]  # the score did move

    application = Application.objects.get()
    assert application.snapshot_json == stored_before
    assert application.snapshot_sha256 == hashlib.sha256(stored_before.encode()).hexdigest()
    assert api("owner").get(f"/api/employer/applications/{application.pk}/").content == (api_before)
    page_after = client.get(f"/employer/applications/{application.pk}/").content.decode()
    assert _snapshot_section(page_after) == _snapshot_section(page_before)
    download_after = client.get(f"/employer/applications/{application.pk}/snapshot.json").content
    assert download_after == download_before == stored_before.encode("utf-8")
    # The ranking reads the frozen numbers too.
    row = api("owner").get(f"/api/employer/jobs/{job.pk}/applicants/").json()["results"][0]
    assert row["readiness"] == json.loads(stored_before)["role"]


def _snapshot_section(html: str) -> str:
    start = html.index('<section class="snapshot" id="snapshot"')
    return html[start : html.index("</section>", start)]
