"""docs/access.md as a matrix: every role against a public and a private challenge, every rule."""

from __future__ import annotations

import dataclasses

import pytest
from django.contrib.auth.models import AnonymousUser
from rest_framework.test import APIClient

from challenges.access import (
    access_can_author_in,
    access_challenges_for_admin,
    access_challenges_for_authoring,
    access_challenges_for_review,
)
from challenges.models import Challenge
from challenges.packages import read_package
from challenges.queries import challenge_list_published
from challenges.services import challenge_import_package
from organisations.models import Membership, Organisation
from tests.conftest import CATALOGUE
from tests.factories import UserFactory

WHO = (
    "anonymous",
    "candidate",
    "staff",
    "superuser",
    "a_owner",
    "a_author",
    "a_reviewer",
    "a_member",
    "b_member",
    "staff_a_author",
    "inactive_superuser",
)


@pytest.fixture
def world(db):
    org_a = Organisation.objects.create(slug="acme", name="Acme")
    org_b = Organisation.objects.create(slug="globex", name="Globex")
    users = {
        "anonymous": AnonymousUser(),
        "candidate": UserFactory(username="candidate"),
        "staff": UserFactory(username="staff", is_staff=True),
        "superuser": UserFactory(username="root", is_staff=True, is_superuser=True),
        "inactive_superuser": UserFactory(
            username="gone", is_staff=True, is_superuser=True, is_active=False
        ),
    }
    for who, org, role in (
        ("a_owner", org_a, "owner"),
        ("a_author", org_a, "author"),
        ("a_reviewer", org_a, "reviewer"),
        ("a_member", org_a, None),  # the default role
        ("b_member", org_b, None),
    ):
        users[who] = UserFactory(username=who.replace("_", "-"), role="employer")
        extra = {"role": role} if role else {}
        Membership.objects.create(organisation=org, user=users[who], **extra)
    users["staff_a_author"] = UserFactory(username="staff-author", is_staff=True)
    Membership.objects.create(organisation=org_a, user=users["staff_a_author"], role="author")
    package = read_package(CATALOGUE / "order-total")
    challenge_import_package(package=dataclasses.replace(package, slug="public"))
    challenge_import_package(
        package=dataclasses.replace(package, slug="acme_private"), organisation=org_a
    )
    return {"orgs": {"public": None, "a": org_a, "b": org_b}, "users": users}


BOTH = {"public", "acme_private"}
PRIVATE = {"acme_private"}
PUBLIC = {"public"}
NONE: set[str] = set()

# who: (practise, author, review, admin, may create in)
MATRIX = {
    "anonymous": (PUBLIC, NONE, NONE, NONE, set()),
    "candidate": (PUBLIC, NONE, NONE, NONE, set()),
    "staff": (PUBLIC, PUBLIC, PUBLIC, PUBLIC, {"public"}),
    "superuser": (PUBLIC, PUBLIC, PUBLIC, BOTH, {"public"}),
    "a_owner": (BOTH, PRIVATE, PRIVATE, NONE, {"a"}),
    "a_author": (BOTH, PRIVATE, NONE, NONE, {"a"}),
    "a_reviewer": (BOTH, NONE, PRIVATE, NONE, set()),
    "a_member": (BOTH, NONE, NONE, NONE, set()),
    "b_member": (PUBLIC, NONE, NONE, NONE, set()),
    "staff_a_author": (BOTH, BOTH, PUBLIC, BOTH, {"public", "a"}),
    "inactive_superuser": (PUBLIC, NONE, NONE, NONE, set()),
}


def slugs(queryset) -> set[str]:
    return set(queryset.values_list("slug", flat=True))


@pytest.mark.parametrize("who", WHO)
def test_the_access_matrix(world, who):
    user = world["users"][who]
    practise, author, review, admin, create_in = MATRIX[who]
    assert {c.slug for c in challenge_list_published(user=user)} == practise
    assert slugs(access_challenges_for_authoring(user)) == author
    assert slugs(access_challenges_for_review(user)) == review
    assert slugs(access_challenges_for_admin(user)) == admin
    allowed = {name for name, org in world["orgs"].items() if access_can_author_in(user, org)}
    assert allowed == create_in


def test_a_new_membership_is_a_member_who_only_practises(db):
    assert Membership._meta.get_field("role").default == "member"


def api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("staff", 404),
        ("superuser", 404),
        ("a_member", 404),
        ("a_reviewer", 404),
        ("b_member", 404),
        ("a_author", 200),
        ("a_owner", 200),
        ("staff_a_author", 200),
    ],
)
def test_an_organisations_hidden_cases_through_the_authoring_api(world, who, status):
    client = api(world["users"][who])
    detail = client.get("/api/authoring/challenges/acme_private/")
    assert detail.status_code == status
    listed = {row["slug"] for row in client.get("/api/authoring/challenges/").json()["results"]}
    assert ("acme_private" in listed) is (status == 200)
    if status == 404:
        for action in ("validate", "publish"):
            url = f"/api/authoring/challenges/acme_private/{action}/"
            assert client.post(url).status_code == 404


@pytest.mark.parametrize("who", ["staff", "superuser"])
def test_staff_may_not_create_in_an_organisation_they_do_not_author_for(world, who):
    package = read_package(CATALOGUE / "order-total").content()
    response = api(world["users"][who]).post(
        "/api/authoring/challenges/", {"organisation": "acme", "package": package}, format="json"
    )
    assert response.status_code == 403
    assert response.json() == {"detail": "You may not author challenges here."}
    assert Challenge.objects.count() == 2


def test_a_member_practises_the_organisations_challenge(world):
    client = api(world["users"]["a_member"])
    assert client.get("/api/challenges/acme_private/").status_code == 200
    assert api(world["users"]["b_member"]).get("/api/challenges/acme_private/").status_code == 404
