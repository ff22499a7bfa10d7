"""Fixtures of the studio tests: a staff author, an organisation's author, a candidate."""

import pytest
from django.test import Client

from organisations.models import Membership, Organisation
from tests.factories import UserFactory


@pytest.fixture
def acme(db) -> Organisation:
    return Organisation.objects.create(slug="acme", name="Acme")


@pytest.fixture
def globex(db) -> Organisation:
    return Organisation.objects.create(slug="globex", name="Globex")


def _signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def staff(db) -> Client:
    """Staff author the public catalogue."""
    return _signed_in(UserFactory(username="editor", is_staff=True))


@pytest.fixture
def acme_author(acme) -> Client:
    user = UserFactory(username="acme-author", role="employer")
    Membership.objects.create(organisation=acme, user=user, role="author")
    return _signed_in(user)


@pytest.fixture
def globex_owner(globex) -> Client:
    user = UserFactory(username="globex-owner", role="employer")
    Membership.objects.create(organisation=globex, user=user, role="owner")
    return _signed_in(user)


@pytest.fixture
def candidate(db) -> Client:
    return _signed_in(UserFactory(username="cand"))
