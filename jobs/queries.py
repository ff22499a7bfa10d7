"""Job and application reads: filtered job lists, ranked applicants, a candidate's fit."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from accounts.models import User
from jobs.access import (
    access_applications_for_candidate,
    access_applications_for_employer,
    access_jobs_for_candidates,
    access_jobs_for_employer,
)
from jobs.models import Application, Job, Stage
from readiness.models import RoleProfile
from readiness.queries import role_verdict, skill_views
from readiness.roles import RoleVerdict

SEARCH_MAX = 100


def job_list_open(
    *,
    user: User,
    role: RoleProfile | None = None,
    workplace: str = "",
    search: str = "",
) -> QuerySet[Job]:
    """Open jobs, newest first, filtered by role profile, workplace and words in the text."""
    jobs = access_jobs_for_candidates(user).select_related("organisation", "role_profile")
    if role is not None:
        jobs = jobs.filter(role_profile=role)
    if workplace:
        jobs = jobs.filter(workplace=workplace)
    for word in search.split()[:10]:
        jobs = jobs.filter(
            Q(title__icontains=word)
            | Q(description_md__icontains=word)
            | Q(location__icontains=word)
            | Q(organisation__name__icontains=word)
        )
    return jobs.order_by("-created_at", "-id")


def job_list_for_employer(*, user: User) -> QuerySet[Job]:
    """The jobs of the organisations `user` hires for, with applicant counts per stage."""
    counts = {
        f"n_{stage}": Count("applications", filter=Q(applications__stage=stage))
        for stage in Stage.values
    }
    return (
        access_jobs_for_employer(user)
        .select_related("organisation", "role_profile")
        .annotate(n_applications=Count("applications"), **counts)
        .order_by("status", "-created_at", "-id")
    )


def applicants_ranked(*, job: Job) -> QuerySet[Application]:
    """A job's applications by the frozen role readiness: score, then band low, then first come.

    Ranks on the snapshot's numbers (copied to columns when it was taken), never today's.
    """
    return (
        Application.objects.filter(job=job)
        .select_related("candidate", "job")
        .order_by("-role_score", "-role_low", "created_at", "id")
    )


def application_list_for_candidate(*, user: User) -> QuerySet[Application]:
    return (
        access_applications_for_candidate(user)
        .select_related("job__organisation", "job__role_profile")
        .order_by("-created_at", "-id")
    )


def application_for_job(*, user: User, job: Job) -> Application | None:
    if not user.is_authenticated:
        return None
    return Application.objects.filter(job=job, candidate=user).first()


def stage_history(*, application: Application) -> list:
    return list(application.stage_changes.select_related("changed_by"))


def employer_application_count(*, user: User) -> int:
    return access_applications_for_employer(user).count()


@dataclass(frozen=True)
class Fit:
    verdict: RoleVerdict
    minimum: int

    @property
    def meets_minimum(self) -> bool:
        return self.verdict.score >= self.minimum


def candidate_fit(*, user: User, job: Job) -> Fit:
    """The candidate's readiness for the job's role now (stored scores), and the job's minimum."""
    verdict = role_verdict(role=job.role_profile, views=skill_views(user=user))
    return Fit(verdict=verdict, minimum=job.minimum_readiness)
