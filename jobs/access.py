"""Who may see and do what with jobs and applications: the only place these rules live.

Hiring members (an organisation's owners, authors and reviewers) see its jobs and applicants and
move applicants through stages; owners and authors post and edit jobs. Staff get nothing here
without a membership (docs/access.md, "Jobs and applications"). A candidate sees only their own
applications. Every lookup that fails raises the model's DoesNotExist, shown as 404, so nobody
learns that another organisation's job or application exists.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from accounts.models import User
from jobs.models import Application, Job
from organisations.models import Membership, Organisation

POSTING_ROLES = (Membership.Role.OWNER, Membership.Role.AUTHOR)
HIRING_ROLES = (Membership.Role.OWNER, Membership.Role.AUTHOR, Membership.Role.REVIEWER)


class ApplyRefused(Exception):
    """Why this user may not apply to this job (a sentence for people)."""


def _signed_in(user: User) -> bool:
    return user.is_authenticated and user.is_active


def hiring_organisations(user: User) -> QuerySet[Organisation]:
    """Organisations whose jobs and applicants `user` sees (owner, author or reviewer)."""
    if not _signed_in(user):
        return Organisation.objects.none()
    return Organisation.objects.filter(
        memberships__user=user, memberships__role__in=HIRING_ROLES
    ).distinct()


def posting_organisations(user: User) -> QuerySet[Organisation]:
    """Organisations in which `user` may post and edit jobs (owner or author)."""
    if not _signed_in(user):
        return Organisation.objects.none()
    return Organisation.objects.filter(
        memberships__user=user, memberships__role__in=POSTING_ROLES
    ).distinct()


def access_is_employer(user: User) -> bool:
    """Does `user` hire for some organisation (the nav's "Employer" links, the sign-in landing)?"""
    return hiring_organisations(user).exists()


def access_jobs_for_employer(user: User) -> QuerySet[Job]:
    """Every job, open or closed, of the organisations `user` hires for."""
    return Job.objects.filter(organisation__in=hiring_organisations(user))


def access_job_for_employer(user: User, job_id: int, *, edit: bool = False) -> Job:
    """One of `user`'s organisations' jobs; with `edit`, only if they may post there."""
    organisations = posting_organisations(user) if edit else hiring_organisations(user)
    return (
        Job.objects.select_related("organisation", "role_profile")
        .filter(organisation__in=organisations)
        .get(pk=job_id)
    )


def access_can_post_in(user: User, organisation: Organisation) -> bool:
    return posting_organisations(user).filter(pk=organisation.pk).exists()


def access_jobs_for_candidates(user: User) -> QuerySet[Job]:
    """Open jobs, listed to every signed-in user (visitors see none)."""
    if not _signed_in(user):
        return Job.objects.none()
    return Job.objects.filter(status=Job.Status.OPEN)


def access_job_for_viewing(user: User, job_id: int) -> Job:
    """A job's page: open jobs to anyone signed in; a closed one to its applicants and hirers."""
    if not _signed_in(user):
        raise Job.DoesNotExist
    visible = (
        Q(status=Job.Status.OPEN)
        | Q(applications__candidate=user)
        | Q(organisation__in=hiring_organisations(user))
    )
    return (
        Job.objects.select_related("organisation", "role_profile")
        .filter(visible)
        .distinct()
        .get(pk=job_id)
    )


def access_check_can_apply(user: User, job: Job) -> None:
    """Raise ApplyRefused unless `user` may apply to `job` now."""
    if not _signed_in(user):
        raise ApplyRefused("Sign in to apply.")
    if user.role == User.Role.EMPLOYER:
        raise ApplyRefused("Employer accounts can't apply to jobs; use a candidate account.")
    if job.organisation.memberships.filter(user=user, role__in=HIRING_ROLES).exists():
        raise ApplyRefused("You hire for this organisation, so you can't apply to its jobs.")
    if job.status != Job.Status.OPEN:
        raise ApplyRefused("This job is closed and takes no more applications.")


def access_applications_for_employer(user: User) -> QuerySet[Application]:
    """Applications to the jobs of the organisations `user` hires for."""
    return Application.objects.filter(job__organisation__in=hiring_organisations(user))


def access_application_for_employer(user: User, application_id: int) -> Application:
    return (
        access_applications_for_employer(user)
        .select_related("job__organisation", "job__role_profile", "candidate")
        .get(pk=application_id)
    )


def access_applications_for_candidate(user: User) -> QuerySet[Application]:
    """A candidate's own applications; nobody else's, staff included."""
    if not _signed_in(user):
        return Application.objects.none()
    return Application.objects.filter(candidate=user)


def access_application_for_candidate(user: User, application_id: int) -> Application:
    return (
        access_applications_for_candidate(user)
        .select_related("job__organisation", "job__role_profile")
        .get(pk=application_id)
    )
