"""Who may review what: the queue's scoping, filters, order, and the nav link's count."""

from __future__ import annotations

import pytest

from organisations.models import Membership, Organisation
from submissions.review_queue import (
    QueueFilters,
    queue_filters_from,
    review_next_after,
    review_queue,
    review_queue_facets,
    reviews_waiting,
)
from tests.factories import UserFactory
from tests.submissions.reviewing import design_challenge, pending_answer


@pytest.fixture
def world(db):
    acme = Organisation.objects.create(slug="acme", name="Acme")
    globex = Organisation.objects.create(slug="globex", name="Globex")
    users = {
        "candidate": UserFactory(username="cand"),
        "staff": UserFactory(username="staff", is_staff=True),
        "acme_reviewer": UserFactory(username="acme-rev", role="employer"),
        "acme_owner": UserFactory(username="acme-own", role="employer"),
        "acme_author": UserFactory(username="acme-auth", role="employer"),
        "globex_reviewer": UserFactory(username="globex-rev", role="employer"),
    }
    for who, org, role in [
        ("acme_reviewer", acme, "reviewer"),
        ("acme_owner", acme, "owner"),
        ("acme_author", acme, "author"),
        ("globex_reviewer", globex, "reviewer"),
    ]:
        Membership.objects.create(organisation=org, user=users[who], role=role)
    public = design_challenge("cache-design", title="Cache design")
    private = design_challenge("acme_sizing", title="Acme sizing", organisation=acme)
    answers = {
        "public": pending_answer(users["candidate"], public, days_ago=3),
        "private": pending_answer(users["candidate"], private, days_ago=1),
    }
    return users, answers


@pytest.mark.parametrize(
    ("who", "sees"),
    [
        ("candidate", set()),
        ("staff", {"public"}),  # an organisation's answers are its own
        ("acme_reviewer", {"private"}),
        ("acme_owner", {"private"}),
        ("acme_author", set()),  # authors write challenges; they don't score answers
        ("globex_reviewer", set()),
    ],
)
def test_each_role_reviews_only_its_own_part(world, who, sees):
    users, answers = world
    queue = review_queue(user=users[who], filters=QueueFilters())
    assert {name for name, item in answers.items() if item in queue} == sees


def test_a_reviewer_never_sees_their_own_answers(world):
    users, answers = world
    staff = users["staff"]
    own = pending_answer(staff, answers["public"].version.challenge)
    assert list(review_queue(user=staff, filters=QueueFilters())) == [answers["public"]]
    other = UserFactory(username="staff2", is_staff=True)
    assert list(review_queue(user=other, filters=QueueFilters())) == [answers["public"], own]


def test_filters_select_by_challenge_organisation_and_age(world):
    users, answers = world
    owner = users["acme_owner"]
    owner.is_staff = True
    owner.save()
    everything = QueueFilters()
    assert list(review_queue(user=owner, filters=everything)) == [
        answers["public"],
        answers["private"],
    ]
    by_slug = QueueFilters(challenge="acme_sizing")
    assert list(review_queue(user=owner, filters=by_slug)) == [answers["private"]]
    catalogue = QueueFilters(organisation="catalogue")
    assert list(review_queue(user=owner, filters=catalogue)) == [answers["public"]]
    acme = QueueFilters(organisation="acme")
    assert list(review_queue(user=owner, filters=acme)) == [answers["private"]]
    old = QueueFilters(older_than_days=2)
    assert list(review_queue(user=owner, filters=old)) == [answers["public"]]
    newest = QueueFilters(newest_first=True)
    assert list(review_queue(user=owner, filters=newest)) == [
        answers["private"],
        answers["public"],
    ]
    assert (
        review_next_after(user=owner, filters=everything, submission=answers["public"])
        == (answers["private"])
    )
    assert review_next_after(user=owner, filters=everything, submission=answers["private"]) is None
    assert (
        review_next_after(user=owner, filters=newest, submission=answers["private"])
        == (answers["public"])
    )
    assert review_queue_facets(user=owner) == {
        "total": 2,
        "challenges": [
            {"slug": "acme_sizing", "title": "Acme sizing", "waiting": 1},
            {"slug": "cache-design", "title": "Cache design", "waiting": 1},
        ],
        "organisations": [
            {"slug": "acme", "name": "Acme", "waiting": 1},
            {"slug": "catalogue", "name": "Public catalogue", "waiting": 1},
        ],
    }


AGE = "“Older than” is a whole number of days (0 to 3650)."


@pytest.mark.parametrize(
    ("params", "filters", "problems"),
    [
        ({}, QueueFilters(), []),
        (
            {"challenge": "x", "organisation": "acme", "older_than": "7", "order": "newest"},
            QueueFilters(challenge="x", organisation="acme", older_than_days=7, newest_first=True),
            [],
        ),
        ({"older_than": "99999"}, QueueFilters(), [AGE]),
        ({"older_than": "-1"}, QueueFilters(), [AGE]),
        ({"older_than": "٣"}, QueueFilters(), [AGE]),
        ({"order": "random"}, QueueFilters(), ["Order is “oldest” or “newest”."]),
    ],
)  # fmt: skip
def test_filters_are_read_totally(params, filters, problems):
    assert queue_filters_from(params) == (filters, problems)


def test_the_nav_count_costs_candidates_nothing_and_reviewers_one_query(
    world, django_assert_num_queries
):
    users, _ = world
    with django_assert_num_queries(0):
        assert reviews_waiting(users["candidate"]) is None
    with django_assert_num_queries(1):
        assert reviews_waiting(users["staff"]) == 1
    with django_assert_num_queries(1):
        assert reviews_waiting(users["acme_reviewer"]) == 1
    with django_assert_num_queries(1):
        assert reviews_waiting(users["acme_author"]) is None  # not a reviewer: no link at all
    with django_assert_num_queries(1):
        assert reviews_waiting(users["globex_reviewer"]) == 0
