"""The access rules, exhaustively: who authors and who practises which challenges."""

import pytest
from django.contrib.auth.models import AnonymousUser

from challenges.access import access_can_author_in, access_challenges_for_authoring
from challenges.models import Challenge
from challenges.queries import challenge_list_published
from organisations.models import Membership, Organisation
from tests.factories import UserFactory


@pytest.fixture
def world(db):
    org_a = Organisation.objects.create(slug="acme", name="Acme")
    org_b = Organisation.objects.create(slug="globex", name="Globex")
    users = {
        "anonymous": AnonymousUser(),
        "candidate": UserFactory(username="candidate"),
        "staff": UserFactory(username="staff", is_staff=True),
        "a_author": UserFactory(username="a_author", role="employer"),
        "a_reviewer": UserFactory(username="a_reviewer", role="employer"),
        "b_owner": UserFactory(username="b_owner", role="employer"),
        "inactive_staff": UserFactory(username="gone", is_staff=True, is_active=False),
    }
    Membership.objects.create(organisation=org_a, user=users["a_author"], role="author")
    Membership.objects.create(organisation=org_a, user=users["a_reviewer"], role="reviewer")
    Membership.objects.create(organisation=org_b, user=users["b_owner"], role="owner")
    from challenges.models import ChallengeVersion

    for slug, org in (("public", None), ("private-a", org_a), ("private-b", org_b)):
        challenge = Challenge.objects.create(
            slug=slug,
            title=slug,
            kind="python",
            difficulty="easy",
            organisation=org,
            is_published=True,
        )
        version = ChallengeVersion.objects.create(
            challenge=challenge, number=1, statement_md="x", statement_html="x", content_digest="d"
        )
        challenge.current_version = version
        challenge.save()
    return {"orgs": {"a": org_a, "b": org_b, None: None}, "users": users}


AUTHORING = {
    "anonymous": set(),
    "candidate": set(),
    "staff": {"public"},  # organisations' private challenges are theirs (docs/access.md)
    "a_author": {"private-a"},
    "a_reviewer": set(),
    "b_owner": {"private-b"},
    "inactive_staff": set(),
}
PRACTICE = {
    "anonymous": {"public"},
    "candidate": {"public"},
    "staff": {"public"},
    "a_author": {"public", "private-a"},
    "a_reviewer": {"public", "private-a"},
    "b_owner": {"public", "private-b"},
    "inactive_staff": {"public"},
}
CAN_AUTHOR_IN = {
    "anonymous": set(),
    "candidate": set(),
    "staff": {None},
    "a_author": {"a"},
    "a_reviewer": set(),
    "b_owner": {"b"},
    "inactive_staff": set(),
}


@pytest.mark.parametrize("who", sorted(AUTHORING))
def test_authoring_matrix(world, who):
    user = world["users"][who]
    slugs = set(access_challenges_for_authoring(user).values_list("slug", flat=True))
    assert slugs == AUTHORING[who]


@pytest.mark.parametrize("who", sorted(PRACTICE))
def test_practice_matrix(world, who):
    user = world["users"][who]
    slugs = {c.slug for c in challenge_list_published(user=user)}
    assert slugs == PRACTICE[who]


@pytest.mark.parametrize("who", sorted(CAN_AUTHOR_IN))
def test_can_author_in_matrix(world, who):
    user = world["users"][who]
    allowed = {key for key, org in world["orgs"].items() if access_can_author_in(user, org)}
    assert allowed == CAN_AUTHOR_IN[who]


REVIEW = {
    "anonymous": set(),
    "candidate": set(),
    "staff": {"public"},
    "a_author": set(),
    "a_reviewer": {"private-a"},
    "b_owner": {"private-b"},
    "inactive_staff": set(),
}


@pytest.mark.parametrize("who", sorted(REVIEW))
def test_review_matrix(world, who):
    from challenges.access import access_challenges_for_review

    user = world["users"][who]
    assert set(access_challenges_for_review(user).values_list("slug", flat=True)) == REVIEW[who]
