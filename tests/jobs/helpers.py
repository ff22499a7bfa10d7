"""Builders the jobs tests share: organisations with each role, jobs, candidates with evidence."""

from __future__ import annotations

import importlib

from django.apps import apps
from django.utils import timezone

from challenges.models import Challenge
from challenges.services import skills_sync
from jobs.models import Job
from jobs.services import job_create
from organisations.models import Membership, Organisation
from readiness.models import RoleProfile
from readiness.services import readiness_refresh
from tests.factories import UserFactory, graded_submit, published_challenge

ROLE = "junior-backend"


def organisation_with(slug: str, **roles: str) -> Organisation:
    """An organisation and, per keyword `username=role`, a member with that role."""
    organisation = Organisation.objects.create(slug=slug, name=slug.capitalize())
    for username, role in roles.items():
        user = UserFactory(username=username, role="employer")
        Membership.objects.create(organisation=organisation, user=user, role=role)
    return organisation


def post_job(organisation: Organisation, *, title: str = "Backend engineer", **values) -> Job:
    defaults = {
        "title": title,
        "description_md": "We build **payments**.\n\n- Python\n- SQL",
        "location": "Lisbon",
        "workplace": "hybrid",
        "role_profile": RoleProfile.objects.get(slug=ROLE),
        "minimum_readiness": 50,
    }
    owner = organisation.memberships.filter(role="owner").first()
    return job_create(
        organisation=organisation,
        created_by=owner.user if owner else None,
        **{**defaults, **values},
    )


def practise(user, *, solved: int, failed: int = 0, skill: str = "python-correctness") -> None:
    """Graded submits on `skill` (solved accepts, then failed wrong answers), scores refreshed."""
    now = timezone.now()
    for i in range(solved + failed):
        slug = f"{skill}-{i}"
        challenge = Challenge.objects.filter(slug=slug).first() or published_challenge(
            slug, difficulty="medium", skills={skill: 1.0}
        )
        graded_submit(user, challenge, score=1.0 if i < solved else 0.0, when=now)
        readiness_refresh(user_id=user.pk, challenge_id=challenge.pk, as_of=now)


def seeded_rows_ensure() -> None:
    """Make the migration-seeded skills and role profiles again: a live-server test's flush
    empties them (idempotent when they are there)."""
    skills_sync()
    importlib.import_module("readiness.migrations.0002_seed_role_profiles").seed(apps, None)
