"""The jobs pages: employer sign-up and home, posting, browsing, applying, applicants, stages."""

from __future__ import annotations

import re

import pytest
from django.core import mail

from accounts.models import User
from jobs.models import Application, Job
from organisations.models import Membership, Organisation
from tests.factories import UserFactory
from tests.jobs.conftest import user
from tests.jobs.helpers import post_job, practise

pytestmark = pytest.mark.django_db

SIGN_UP = {
    "username": "hirer",
    "email": "hirer@example.com",
    "password": "a-long-unusual-passphrase",
    "display_name": "Grace Hirer",
    "organisation_name": "Initech",
    "organisation_slug": "initech",
}


def text(response) -> str:
    return response.content.decode()


def test_employer_sign_up_creates_the_account_organisation_and_ownership(client):
    page = client.get("/employers/signup/")
    assert page.status_code == 200
    for label in ("Username", "Email", "Password", "Your name", "Organisation name"):
        assert f">{label}</label>" in text(page)
    response = client.post("/employers/signup/", SIGN_UP)
    assert response.status_code == 302
    assert response["Location"] == "/employer/"
    employer = User.objects.get(username="hirer")
    assert (employer.role, employer.display_name) == ("employer", "Grace Hirer")
    membership = Membership.objects.get(user=employer)
    assert (membership.organisation.slug, membership.role) == ("initech", "owner")
    home = client.get("/employer/")
    assert "<h1>Initech</h1>" in text(home)
    assert '<a href="/employer/" aria-current="page">Employer</a>' in text(home)
    assert "Post your first job" in text(home)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"organisation_slug": "init_tech"},
            "An organisation&#x27;s slug can&#x27;t contain &#x27;_&#x27;",
        ),
        ({"organisation_slug": "acme"}, "An organisation already uses this slug; choose another."),
        ({"username": "owner"}, "That username is taken."),
        ({"display_name": ""}, "This field is required."),
    ],
)
def test_employer_sign_up_errors_create_nothing(client, acme, changes, message):
    before = (User.objects.count(), Organisation.objects.count())
    response = client.post("/employers/signup/", {**SIGN_UP, **changes})
    assert response.status_code == 200
    assert message in text(response)
    assert (User.objects.count(), Organisation.objects.count()) == before


def test_sign_in_lands_employers_on_their_home_and_candidates_on_the_catalogue(client, acme):
    UserFactory(username="cand")
    for username, landing in (("owner", "/employer/"), ("cand", "/challenges/")):
        response = client.post(
            "/accounts/login/", {"username": username, "password": "correct-horse-battery"}
        )
        assert response["Location"] == landing
        client.logout()
    explicit = client.post(
        "/accounts/login/?next=/jobs/",
        {"username": "owner", "password": "correct-horse-battery"},
    )
    assert explicit["Location"] == "/jobs/"


def test_the_nav_shows_employer_links_to_hirers_only(client, acme):
    UserFactory(username="cand")
    for username, employer, applications in (
        ("owner", True, False),
        ("reviewer", True, False),
        ("member", False, False),
        ("cand", False, True),
    ):
        client.force_login(user(username))
        page = text(client.get("/jobs/"))
        assert ('href="/employer/"' in page) is employer, username
        assert ('href="/applications/"' in page) is applications, username
        assert '<a href="/jobs/" aria-current="page">Jobs</a>' in page


def test_a_candidate_account_with_a_hiring_role_reaches_the_employer_home(client, acme):
    dual = UserFactory(username="dual", role="candidate")
    Membership.objects.create(organisation=acme, user=dual, role="reviewer")
    client.force_login(dual)
    # The nav asks candidate accounts nothing (no query), so the link isn't there ...
    assert 'href="/employer/"' not in text(client.get("/jobs/"))
    # ... but the pages are, and signing in lands there.
    assert "<h1>Acme</h1>" in text(client.get("/employer/"))
    client.logout()
    response = client.post(
        "/accounts/login/", {"username": "dual", "password": "correct-horse-battery"}
    )
    assert response["Location"] == "/employer/"


def test_an_employer_without_an_organisation_creates_one(client):
    client.force_login(UserFactory(username="boss", role="employer"))
    page = client.get("/employer/")
    assert "Create your organisation" in text(page)
    bad = client.post("/employer/", {"organisation_name": "Acme", "organisation_slug": "a_b"})
    assert "can&#x27;t contain &#x27;_&#x27;" in text(bad)
    response = client.post("/employer/", {"organisation_name": "Acme", "organisation_slug": "acme"})
    assert response["Location"] == "/employer/"
    assert Membership.objects.get().role == "owner"


def test_candidates_have_no_employer_pages(client, job, application):
    UserFactory(username="cand")
    client.force_login(user("cand"))
    for url in (
        "/employer/",
        "/employer/jobs/new/",
        f"/employer/jobs/{job.pk}/",
        f"/employer/jobs/{job.pk}/edit/",
        f"/employer/applications/{application.pk}/",
        f"/employer/applications/{application.pk}/snapshot.json",
    ):
        assert client.get(url).status_code == 404, url


def test_posting_and_editing_a_job(client, acme):
    client.force_login(user("author"))
    response = client.post(
        "/employer/jobs/new/",
        {
            "title": "Data engineer",
            "description_md": "Pipelines with *SQL*.",
            "location": "Berlin",
            "workplace": "onsite",
            "role_profile": "junior-backend",
            "minimum_readiness": "35",
        },
    )
    job = Job.objects.get()
    assert response["Location"] == f"/employer/jobs/{job.pk}/"
    assert (job.organisation.slug, job.created_by.username, job.status) == (
        "acme",
        "author",
        "open",
    )
    page = text(client.get(response["Location"]))
    assert "Data engineer is posted and open to applications." in page
    assert "Nobody has applied yet." in page

    edit = client.post(
        f"/employer/jobs/{job.pk}/edit/",
        {
            "title": "Data engineer II",
            "description_md": "Pipelines with *SQL*.",
            "location": "",
            "workplace": "remote",
            "role_profile": "backend-fintech",
            "minimum_readiness": "101",
        },
    )
    assert "Ensure this value is less than or equal to 100." in text(edit)
    client.post(
        f"/employer/jobs/{job.pk}/edit/",
        {
            "title": "Data engineer II",
            "description_md": "Pipelines with **SQL**.",
            "location": "",
            "workplace": "remote",
            "role_profile": "backend-fintech",
            "minimum_readiness": "60",
        },
    )
    job.refresh_from_db()
    assert (job.title, job.workplace, job.role_profile.slug, job.minimum_readiness) == (
        "Data engineer II",
        "remote",
        "backend-fintech",
        60,
    )
    assert job.description_html == "<p>Pipelines with <strong>SQL</strong>.</p>"


def test_reviewers_see_applicants_but_do_not_edit(client, job, application):
    client.force_login(user("reviewer"))
    page = text(client.get(f"/employer/jobs/{job.pk}/"))
    assert "Ada Applicant" in page
    assert "/edit/" not in page
    assert client.get(f"/employer/jobs/{job.pk}/edit/").status_code == 404
    assert client.post(f"/employer/jobs/{job.pk}/status/", {"action": "close"}).status_code == 404


def test_closing_and_reopening(client, job):
    client.force_login(user("owner"))
    response = client.post(f"/employer/jobs/{job.pk}/status/", {"action": "close"})
    assert response["Location"] == f"/employer/jobs/{job.pk}/"
    assert Job.objects.get().status == "closed"
    page = text(client.get(f"/employer/jobs/{job.pk}/"))
    assert "The job is closed: it takes no more applications." in page
    assert ">Reopen</button>" in page
    client.post(f"/employer/jobs/{job.pk}/status/", {"action": "reopen"})
    assert Job.objects.get().status == "open"
    bad = client.post(f"/employer/jobs/{job.pk}/status/", {"action": "delete"})
    assert bad.status_code == 400


def test_the_job_list_filters_and_reports_invalid_filters(client, acme):
    remote = post_job(acme, title="Remote role", workplace="remote")
    post_job(acme, title="Office role", workplace="onsite")
    client.force_login(UserFactory(username="cand"))
    page = text(client.get("/jobs/?workplace=remote"))
    assert re.findall(r'<h2><a href="/jobs/(\d+)/">', page) == [str(remote.pk)]
    bad = text(client.get("/jobs/?role=nope"))
    assert "Role: That role profile doesn&#x27;t exist. (ignored)" in bad
    assert len(re.findall(r'<h2><a href="/jobs/\d+/">', bad)) == 2
    assert "No open jobs match." in text(client.get("/jobs/?search=zzzz"))


def test_the_job_list_pages_by_twenty(client, acme):
    jobs = [post_job(acme, title=f"Job {i}") for i in range(23)]
    client.force_login(UserFactory(username="cand"))
    first = text(client.get("/jobs/?workplace=hybrid"))
    assert "23 open jobs, newest first." in first
    assert len(re.findall(r'<h2><a href="/jobs/\d+/">', first)) == 20
    assert 'href="?workplace=hybrid&amp;page=2"' in first
    second = text(client.get("/jobs/?workplace=hybrid&page=2"))
    ids = re.findall(r'<h2><a href="/jobs/(\d+)/">', second)
    assert ids == [str(job.pk) for job in reversed(jobs[:3])]


def test_the_job_page_shows_my_readiness_and_applying_freezes_it(client, job, applicant):
    practise(applicant, solved=2)
    client.force_login(applicant)
    page = text(client.get(f"/jobs/{job.pk}/"))
    assert "<p>We build <strong>payments</strong>.</p>\n<ul>\n<li>Python</li>" in page
    assert "Your readiness for Junior backend engineer" in page
    assert "This job's minimum is <strong data-minimum>50</strong>" in page
    assert "data-fit-verdict>" in page

    too_long = client.post(f"/jobs/{job.pk}/apply/", {"note": "x" * 2001})
    assert too_long.status_code == 400
    assert "Ensure this value has at most 2000 characters (it has 2001)." in text(too_long)
    assert not Application.objects.exists()

    response = client.post(f"/jobs/{job.pk}/apply/", {"note": "Keen!"})
    application = Application.objects.get()
    assert response["Location"] == f"/applications/{application.pk}/"
    detail = text(client.get(response["Location"]))
    assert "You applied to Backend engineer" in detail
    assert '<figure class="readiness-chart">' in detail
    assert "Keen!" in detail
    again = text(client.get(f"/jobs/{job.pk}/"))
    assert "You applied on" in again
    assert 'action="/jobs/' not in again
    listing = text(client.get("/applications/"))
    assert "Backend engineer" in listing
    assert '<span class="stage stage-new" data-stage>New</span>' in listing


def test_employers_see_why_they_cannot_apply(client, job):
    client.force_login(user("owner"))
    page = text(client.get(f"/jobs/{job.pk}/"))
    assert "Employer accounts can&#x27;t apply to jobs; use a candidate account." in page
    assert client.post(f"/jobs/{job.pk}/apply/", {"note": ""}).status_code == 400
    assert not Application.objects.exists()


def test_the_employer_ranks_opens_a_snapshot_and_moves_the_stage(
    client, job, django_capture_on_commit_callbacks
):
    from jobs.services import application_create

    strong, weak = UserFactory(username="strong"), UserFactory(username="weak")
    practise(strong, solved=5)
    practise(weak, failed=3, solved=0)
    weak_app = application_create(job=job, candidate=weak)
    strong_app = application_create(job=job, candidate=strong)
    client.force_login(user("owner"))
    page = text(client.get(f"/employer/jobs/{job.pk}/"))
    assert re.findall(r"<td data-candidate>(\w+)</td>", page) == ["strong", "weak"]
    rows = page.split("<tr data-application=")[1:]
    assert ("data-under-minimum" in rows[0]) is (strong_app.role_score < 50)
    assert "data-under-minimum" in rows[1]

    detail = text(client.get(f"/employer/applications/{strong_app.pk}/"))
    assert '<figure class="readiness-chart">' in detail
    assert 'href="/challenges/python-correctness-0/"' in detail
    assert strong_app.snapshot_sha256 in detail
    assert '<button type="submit" name="stage" value="shortlisted"' in detail
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/employer/applications/{strong_app.pk}/stage/", {"stage": "shortlisted"}
        )
    assert response["Location"] == f"/employer/applications/{strong_app.pk}/"
    assert [(m.subject, m.to) for m in mail.outbox] == [
        ("Your application for Backend engineer at Acme: Shortlisted", ["strong@example.com"])
    ]
    after = text(client.get(response["Location"]))
    assert "Moved to Shortlisted; strong is told by email." in after
    assert "New → <strong>Shortlisted</strong>" in after
    refused = client.post(f"/employer/applications/{weak_app.pk}/stage/", {"stage": "hired"})
    assert refused.status_code == 400
    assert "An application can&#x27;t move from new to hired." in text(refused)
    assert len(mail.outbox) == 1
