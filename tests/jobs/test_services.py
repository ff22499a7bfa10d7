"""Jobs services: organisations, job posts, the frozen snapshot, guarded stage moves."""

from __future__ import annotations

import hashlib
import json

import pytest
from django.core import mail

from accounts.models import User
from jobs.models import Application, ImmutableRecord, Job, StageChange
from jobs.services import (
    ApplicationRejected,
    JobRejected,
    StageMoveRefused,
    application_create,
    application_move_stage,
    job_close,
    job_reopen,
    job_update,
)
from jobs.snapshot import canonical_json
from organisations.models import Membership, Organisation
from organisations.services import OrganisationRejected, employer_sign_up, organisation_create
from readiness.canonical import normalise
from readiness.models import RoleProfile
from readiness.queries import readiness_snapshot
from tests.factories import UserFactory
from tests.jobs.conftest import user
from tests.jobs.helpers import post_job, practise

pytestmark = pytest.mark.django_db


def test_organisation_create_makes_the_owner_a_member():
    employer = UserFactory(username="boss", role="employer")
    organisation = organisation_create(owner=employer, name=" Acme Ltd ", slug="acme-ltd")
    assert (organisation.name, organisation.slug) == ("Acme Ltd", "acme-ltd")
    membership = Membership.objects.get()
    assert (membership.user, membership.organisation, membership.role) == (
        employer,
        organisation,
        "owner",
    )


@pytest.mark.parametrize(
    ("name", "slug", "errors"),
    [
        (
            "Acme",
            "acme_corp",
            {
                "slug": [
                    "An organisation's slug can't contain '_': it separates the organisation "
                    "from its challenges' names. Use letters, digits and hyphens."
                ]
            },
        ),
        (
            "Acme",
            "acme corp",
            {
                "slug": [
                    "Enter a valid “slug” consisting of letters, numbers, underscores or hyphens."
                ]
            },
        ),
        ("", "acme", {"name": ["This field cannot be blank."]}),
        ("Acme", "", {"slug": ["This field cannot be blank."]}),
    ],
)
def test_organisation_create_refuses_bad_values_with_clear_messages(name, slug, errors):
    with pytest.raises(OrganisationRejected) as refused:
        organisation_create(owner=UserFactory(role="employer"), name=name, slug=slug)
    assert refused.value.errors == errors
    assert not Organisation.objects.exists()
    assert not Membership.objects.exists()


def test_a_taken_slug_is_refused():
    organisation_create(owner=UserFactory(role="employer"), name="Acme", slug="acme")
    with pytest.raises(OrganisationRejected) as refused:
        organisation_create(owner=UserFactory(role="employer"), name="Other", slug="acme")
    assert refused.value.errors == {
        "slug": ["An organisation already uses this slug; choose another."]
    }


def test_employer_sign_up_is_all_or_nothing():
    organisation_create(owner=UserFactory(role="employer"), name="Acme", slug="acme")
    with pytest.raises(OrganisationRejected):
        employer_sign_up(
            username="newboss",
            email="newboss@example.com",
            password="a-long-unusual-passphrase",
            display_name="New Boss",
            organisation_name="Acme two",
            organisation_slug="acme",
        )
    assert not User.objects.filter(username="newboss").exists()

    employer, organisation = employer_sign_up(
        username="newboss",
        email="newboss@example.com",
        password="a-long-unusual-passphrase",
        display_name="New Boss",
        organisation_name="Acme two",
        organisation_slug="acme-two",
    )
    assert (employer.role, employer.display_name) == ("employer", "New Boss")
    assert employer.check_password("a-long-unusual-passphrase")
    assert Membership.objects.get(user=employer).organisation == organisation


def test_a_job_renders_its_markdown_once_and_sanitised(acme):
    job = post_job(acme, description_md="# Hi\n\n<script>alert(1)</script> **bold**")
    # The script tag is shown as text (markup.raw_html), never run, and swallows nothing.
    assert job.description_html == (
        "<h1>Hi</h1>\n<p>&lt;script&gt;alert(1)&lt;/script&gt; <strong>bold</strong></p>"
    )
    assert job.status == "open"
    assert job.created_by == user("owner")


def test_job_create_refuses_invalid_values(acme):
    with pytest.raises(JobRejected) as refused:
        post_job(acme, title=" ", workplace="moon", minimum_readiness=101, role_profile=None)
    assert refused.value.errors == {
        "title": ["A job needs a title."],
        "workplace": ["Choose on-site, hybrid or remote."],
        "role_profile": ["Choose a role profile."],
        "minimum_readiness": ["A whole number from 0 to 100."],
    }
    assert not Job.objects.exists()


def test_job_update_rerenders_and_refuses_status(job):
    job_update(job=job, description_md="*new*", title="Senior engineer")
    job.refresh_from_db()
    assert (job.title, job.description_html) == ("Senior engineer", "<p><em>new</em></p>")
    with pytest.raises(JobRejected) as refused:
        job_update(job=job, status="closed")
    assert refused.value.errors == {"status": ["This field can't be changed."]}


def test_close_and_reopen_are_guarded_single_updates(job):
    assert job_close(job=job) is True
    assert job.status == "closed"
    assert job_close(job=job) is False
    assert job_reopen(job=job) is True
    assert Job.objects.get().status == "open"
    assert job_reopen(job=job) is False


def test_applying_freezes_the_snapshot_as_canonical_json(job, applicant):
    practise(applicant, solved=2)
    expected = readiness_snapshot(user=applicant, role=job.role_profile)

    application = application_create(job=job, candidate=applicant, note="  Hi there  ")

    text = application.snapshot_json
    stored = json.loads(text)
    expected["taken_at"] = stored["taken_at"]  # taken a moment later
    assert stored == expected
    # Sorted keys, no spaces, UTF-8, whole numbers without ".0" (RFC 8785's numbers).
    assert text == json.dumps(
        normalise(expected),
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )
    assert '"best_score":100,' in text
    assert text == canonical_json(stored)
    assert application.snapshot_sha256 == hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert (application.role_score, application.role_low) == (
        stored["role"]["score"],
        stored["role"]["low"],
    )
    assert stored["role"]["slug"] == "junior-backend"
    assert application.note == "Hi there"
    assert application.stage == "new"


def test_the_snapshot_keeps_non_ascii_text_as_utf8(job):
    candidate = UserFactory(username="zoe", display_name="Zoë 😀")
    application = application_create(job=job, candidate=candidate)
    assert '"display_name":"Zoë 😀"' in application.snapshot_json
    digest = hashlib.sha256(application.snapshot_json.encode("utf-8")).hexdigest()
    assert application.snapshot_sha256 == digest


def test_an_application_is_never_rewritten(application):
    application.note = "changed"
    with pytest.raises(ImmutableRecord):
        application.save()
    assert Application.objects.get().note == "Hello"


def test_one_application_per_candidate_and_job(job, applicant, application):
    with pytest.raises(ApplicationRejected) as refused:
        application_create(job=job, candidate=applicant)
    assert refused.value.detail == "You have already applied to this job."
    assert Application.objects.count() == 1


def test_a_closed_job_refuses_applications(job, applicant):
    job_close(job=job)
    with pytest.raises(ApplicationRejected) as refused:
        application_create(job=job, candidate=applicant)
    assert refused.value.detail == "This job is closed and takes no more applications."


def test_a_note_is_capped(job, applicant):
    with pytest.raises(ApplicationRejected) as refused:
        application_create(job=job, candidate=applicant, note="x" * 2001)
    assert (refused.value.field, refused.value.detail) == (
        "note",
        "A note is at most 2,000 characters (this one has 2,001).",
    )
    assert application_create(job=job, candidate=applicant, note="x" * 2000).note == "x" * 2000


def test_stage_moves_follow_the_transitions_and_email_the_candidate(
    application, django_capture_on_commit_callbacks
):
    owner = user("owner")
    with django_capture_on_commit_callbacks(execute=True):
        application_move_stage(application=application, to="shortlisted", by=owner)
    assert application.stage == "shortlisted"
    assert [(m.subject, m.to) for m in mail.outbox] == [
        ("Your application for Backend engineer at Acme: Shortlisted", ["applicant@example.com"])
    ]
    assert 'Acme moved your application for "Backend engineer" to: Shortlisted.' in (
        mail.outbox[0].body
    )
    with django_capture_on_commit_callbacks(execute=True):
        application_move_stage(application=application, to="hired", by=owner)
    assert list(
        StageChange.objects.values_list("from_stage", "to_stage", "changed_by__username")
    ) == [("new", "shortlisted", "owner"), ("shortlisted", "hired", "owner")]
    assert len(mail.outbox) == 2
    assert mail.outbox[1].subject == "Your application for Backend engineer at Acme: Hired"


@pytest.mark.parametrize(
    ("path", "to", "message"),
    [
        (
            [],
            "hired",
            "An application can't move from new to hired. From new: rejected, shortlisted.",
        ),
        ([], "new", "An application can't move from new to new. From new: rejected, shortlisted."),
        (
            ["rejected"],
            "shortlisted",
            "An application can't move from rejected to shortlisted. "
            "From rejected: none (it is final).",
        ),
        (
            ["shortlisted", "hired"],
            "rejected",
            "An application can't move from hired to rejected. From hired: none (it is final).",
        ),
        ([], "archived", "Unknown stage 'archived': use one of new, shortlisted, rejected, hired."),
    ],
)
def test_disallowed_moves_are_refused(application, path, to, message):
    owner = user("owner")
    for stage in path:
        application_move_stage(application=application, to=stage, by=owner)
    with pytest.raises(StageMoveRefused) as refused:
        application_move_stage(application=application, to=to, by=owner)
    assert refused.value.detail == message
    assert StageChange.objects.count() == len(path)


def test_a_stale_move_loses_to_the_one_that_landed_first(application):
    stale = Application.objects.get(pk=application.pk)
    application_move_stage(application=application, to="rejected", by=user("owner"))
    with pytest.raises(StageMoveRefused) as refused:
        application_move_stage(application=stale, to="shortlisted", by=user("author"))
    assert refused.value.conflict is True
    assert Application.objects.get().stage == "rejected"
    assert StageChange.objects.count() == 1


def test_a_role_profile_with_jobs_is_protected(job):
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        RoleProfile.objects.get(slug="junior-backend").delete()


def test_the_admin_shows_a_job_read_only(client, job):
    # The employer's pages write jobs through job_update (checks, the rendered description).
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    Job.objects.filter(pk=job.pk).update(description_md="<script>x()</script>\n\n    *kept*")
    page = client.get(f"/admin/jobs/job/{job.pk}/change/").content.decode()
    assert '<div class="statement-preview"><p>&lt;script&gt;x()&lt;/script&gt;</p>' in page
    assert '<pre class="admin-code">&lt;script&gt;x()&lt;/script&gt;\n\n    *kept*</pre>' in page
    assert 'name="_save"' not in page
    response = client.post(
        f"/admin/jobs/job/{job.pk}/change/",
        {
            "organisation": job.organisation_id,
            "title": "Renamed",
            "description_md": "edited",
            "workplace": "remote",
            "role_profile": job.role_profile_id,
            "minimum_readiness": 20,
            "status": "open",
        },
    )
    assert response.status_code == 403
    job.refresh_from_db()
    assert (job.title, job.description_md) != ("Renamed", "edited")
    assert client.get("/admin/jobs/job/add/").status_code == 403


def test_a_superuser_deletes_only_a_job_nobody_applied_to(client, job, application):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    other = Job.objects.create(
        organisation=job.organisation, title="Other", description_md="x", description_html="x",
        workplace="remote", role_profile=job.role_profile, minimum_readiness=0,
    )  # fmt: skip
    assert client.get(f"/admin/jobs/job/{job.pk}/delete/").status_code == 403
    assert client.post(f"/admin/jobs/job/{job.pk}/delete/", {"post": "yes"}).status_code == 403
    assert client.get(f"/admin/jobs/job/{other.pk}/delete/").status_code == 200
    assert client.post(f"/admin/jobs/job/{other.pk}/delete/", {"post": "yes"}).status_code == 302
    assert list(Job.objects.values_list("pk", flat=True)) == [job.pk]


def test_staff_without_a_membership_see_no_jobs_in_the_admin(client, job, application):
    from django.contrib.auth.models import Permission

    clerk = UserFactory(username="clerk", is_staff=True)
    clerk.user_permissions.set(
        Permission.objects.filter(codename__in=["view_job", "view_application"])
    )
    client.force_login(clerk)
    assert client.get(f"/admin/jobs/job/{job.pk}/change/").status_code == 302
    assert client.get(f"/admin/jobs/application/{application.pk}/change/").status_code == 302
    Membership.objects.create(organisation=job.organisation, user=clerk, role="reviewer")
    assert client.get(f"/admin/jobs/job/{job.pk}/change/").status_code == 200
    assert client.get(f"/admin/jobs/application/{application.pk}/change/").status_code == 200
