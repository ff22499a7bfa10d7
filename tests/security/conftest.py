"""Fixtures the attack tests share: an organisation and one of its authors, signed in."""

import pytest
from rest_framework.test import APIClient

from organisations.models import Membership, Organisation
from tests.factories import UserFactory


@pytest.fixture
def acme(db) -> Organisation:
    return Organisation.objects.create(slug="acme", name="Acme")


@pytest.fixture
def author(acme) -> APIClient:
    """An API client signed in as an author of `acme`."""
    user = UserFactory(username="acme-author", role="employer")
    Membership.objects.create(organisation=acme, user=user, role="author")
    client = APIClient()
    client.force_authenticate(user)
    return client
