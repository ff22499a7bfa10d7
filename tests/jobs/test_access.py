"""The jobs access rules, as a matrix over who asks: through the functions and the HTTP API."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from jobs.access import (
    ApplyRefused,
    access_application_for_candidate,
    access_application_for_employer,
    access_check_can_apply,
    access_is_employer,
    access_job_for_employer,
    access_job_for_viewing,
    access_jobs_for_candidates,
)
from jobs.models import Application, Job
from jobs.services import job_close
from organisations.models import Membership
from tests.factories import UserFactory
from tests.jobs.conftest import api, user
from tests.jobs.helpers import post_job

pytestmark = pytest.mark.django_db

WHO = [
    "anonymous",
    "candidate",
    "applicant",
    "owner",
    "author",
    "reviewer",
    "member",
    "other_owner",
    "staff",
]
HIRERS = {"owner", "author", "reviewer"}
POSTERS = {"owner", "author"}


@pytest.fixture
def world(acme, globex, job, application, staff):
    UserFactory(username="candidate")
    return {"job": job, "application": application}


def who(name: str):
    return AnonymousUser() if name == "anonymous" else user(name)


def allowed(getter, *args, **kwargs) -> bool:
    try:
        getter(*args, **kwargs)
    except (Job.DoesNotExist, Application.DoesNotExist):
        return False
    return True


@pytest.mark.parametrize("name", WHO)
def test_the_access_functions(world, name):
    job, application = world["job"], world["application"]
    person = who(name)
    signed_in = name != "anonymous"

    assert (job in access_jobs_for_candidates(person)) is signed_in
    assert allowed(access_job_for_viewing, person, job.pk) is signed_in
    assert allowed(access_job_for_employer, person, job.pk) is (name in HIRERS)
    assert allowed(access_job_for_employer, person, job.pk, edit=True) is (name in POSTERS)
    assert allowed(access_application_for_employer, person, application.pk) is (name in HIRERS)
    assert allowed(access_application_for_candidate, person, application.pk) is (
        name == "applicant"
    )
    assert access_is_employer(person) is (name in HIRERS or name == "other_owner")

    job_close(job=job)
    assert (job in access_jobs_for_candidates(person)) is False
    assert allowed(access_job_for_viewing, person, job.pk) is (
        name in HIRERS or name == "applicant"
    )


APPLY_REFUSALS = {
    "anonymous": "Sign in to apply.",
    # The organisations' people have employer accounts.
    **dict.fromkeys(
        ("owner", "author", "reviewer", "member", "other_owner"),
        "Employer accounts can't apply to jobs; use a candidate account.",
    ),
}


@pytest.mark.parametrize("name", WHO)
def test_who_may_apply_to_an_open_job(world, name):
    refusal = APPLY_REFUSALS.get(name)
    if refusal is None:
        access_check_can_apply(who(name), world["job"])
    else:
        with pytest.raises(ApplyRefused) as refused:
            access_check_can_apply(who(name), world["job"])
        assert str(refused.value) == refusal


def test_a_hirer_with_a_candidate_account_still_cant_apply_to_their_orgs_jobs(acme, job):
    reviewer = UserFactory(username="dual", role="candidate")
    Membership.objects.create(organisation=acme, user=reviewer, role="reviewer")
    with pytest.raises(ApplyRefused) as refused:
        access_check_can_apply(reviewer, job)
    assert str(refused.value) == "You hire for this organisation, so you can't apply to its jobs."
    # A plain member of the organisation (may practise its challenges) may apply.
    practiser = UserFactory(username="practiser", role="candidate")
    Membership.objects.create(organisation=acme, user=practiser, role="member")
    access_check_can_apply(practiser, job)


def test_a_closed_job_refuses_everyone(world):
    job_close(job=world["job"])
    with pytest.raises(ApplyRefused) as refused:
        access_check_can_apply(user("candidate"), world["job"])
    assert str(refused.value) == "This job is closed and takes no more applications."


def test_an_inactive_account_sees_nothing(world):
    owner = user("owner")
    owner.is_active = False
    owner.save()
    assert not allowed(access_job_for_employer, owner, world["job"].pk)
    assert not access_is_employer(owner)


# What each endpoint answers each person: the status code, in the order of WHO.
def _row(anonymous, candidate, applicant, owner, author, reviewer, member, other, staff):
    return dict(
        zip(
            WHO,
            (anonymous, candidate, applicant, owner, author, reviewer, member, other, staff),
            strict=True,
        )
    )


API_MATRIX = {
    ("get", "/api/jobs/"): _row(403, 200, 200, 200, 200, 200, 200, 200, 200),
    ("get", "/api/jobs/{job}/"): _row(403, 200, 200, 200, 200, 200, 200, 200, 200),
    ("get", "/api/me/applications/"): _row(403, 200, 200, 200, 200, 200, 200, 200, 200),
    ("get", "/api/me/applications/{application}/"): _row(
        403, 404, 200, 404, 404, 404, 404, 404, 404
    ),
    ("get", "/api/employer/jobs/{job}/"): _row(403, 404, 404, 200, 200, 200, 404, 404, 404),
    ("patch", "/api/employer/jobs/{job}/"): _row(403, 404, 404, 200, 200, 404, 404, 404, 404),
    ("delete", "/api/employer/jobs/{job}/"): _row(403, 404, 404, 409, 409, 404, 404, 404, 404),
    ("get", "/api/employer/jobs/{job}/applicants/"): _row(
        403, 404, 404, 200, 200, 200, 404, 404, 404
    ),
    ("get", "/api/employer/applications/{application}/"): _row(
        403, 404, 404, 200, 200, 200, 404, 404, 404
    ),
    ("post", "/api/employer/applications/{application}/stage/"): _row(
        403, 404, 404, 200, 200, 200, 404, 404, 404
    ),
    ("post", "/api/jobs/{job}/apply/"): _row(403, 201, 400, 400, 400, 400, 400, 400, 201),
}
BODIES = {
    "patch": {"title": "Renamed"},
    "post": {"stage": "shortlisted", "note": "Hi"},
}


@pytest.mark.parametrize("name", WHO)
@pytest.mark.parametrize(("method", "path"), list(API_MATRIX))
def test_the_api_matrix(world, name, method, path):
    url = path.format(job=world["job"].pk, application=world["application"].pk)
    client = api(None if name == "anonymous" else name)
    response = getattr(client, method)(url, BODIES.get(method, {}), format="json")
    assert response.status_code == API_MATRIX[(method, path)][name], response.content


@pytest.mark.parametrize("name", WHO[1:])
def test_my_applications_list_only_mine(world, name):
    rows = api(name).get("/api/me/applications/").json()["results"]
    assert [row["id"] for row in rows] == ([world["application"].pk] if name == "applicant" else [])


@pytest.mark.parametrize("name", WHO[1:])
def test_employer_job_lists_only_their_organisations(world, name, globex):
    globex_job = post_job(globex, title="Globex job")
    ids = [row["id"] for row in api(name).get("/api/employer/jobs/").json()["results"]]
    expected = {
        **{hirer: [world["job"].pk] for hirer in HIRERS},
        "other_owner": [globex_job.pk],
    }
    assert ids == expected.get(name, [])
