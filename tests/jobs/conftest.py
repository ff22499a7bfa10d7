"""Fixtures of the jobs tests: Acme (a member of each role), Globex, a job, an applicant."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from accounts.models import User
from jobs.services import application_create
from tests.factories import UserFactory
from tests.jobs.helpers import organisation_with, post_job


@pytest.fixture
def acme(db):
    return organisation_with(
        "acme", owner="owner", author="author", reviewer="reviewer", member="member"
    )


@pytest.fixture
def globex(db):
    return organisation_with("globex", other_owner="owner")


@pytest.fixture
def job(acme):
    return post_job(acme)


@pytest.fixture
def applicant(db):
    return UserFactory(username="applicant", display_name="Ada Applicant")


@pytest.fixture
def application(job, applicant):
    return application_create(job=job, candidate=applicant, note="Hello")


@pytest.fixture
def staff(db):
    return UserFactory(username="staff", is_staff=True, is_superuser=True)


def user(name: str) -> User:
    return User.objects.get(username=name)


def api(username: str | None) -> APIClient:
    client = APIClient()
    if username:
        client.force_authenticate(user(username))
    return client
