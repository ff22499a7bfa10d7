"""GET /api/submissions/<id>/ names the next challenge to practise after a passed submit."""

import pytest

from tests.factories import UserFactory, graded_submit, published_challenge


@pytest.fixture
def shelf(db):
    return {
        "solved": published_challenge(
            "solved", kind="sql", difficulty="medium", skills={"sql-querying": 1.0}
        ),
        # Same kind and skill, nearer difficulty wins over a farther one.
        "near": published_challenge(
            "near", title="Near", kind="sql", difficulty="medium", skills={"sql-querying": 1.0}
        ),
        "far": published_challenge(
            "far", title="Far", kind="sql", difficulty="hard", skills={"sql-querying": 1.0}
        ),
        # Same skill, another kind; same kind, another skill.
        "skill-only": published_challenge(
            "skill-only", kind="python", skills={"sql-querying": 1.0}
        ),
        "kind-only": published_challenge("kind-only", kind="sql", skills={"algorithms": 1.0}),
        "unrelated": published_challenge("unrelated", kind="python", skills={"algorithms": 1.0}),
    }


def next_of(api_client, submission) -> dict | None:
    response = api_client.get(f"/api/submissions/{submission.pk}/")
    assert response.status_code == 200
    return response.json()["next_challenge"]


def test_after_a_passed_submit_the_nearest_unsolved_of_the_same_kind_and_skill(
    api_client, candidate, shelf
):
    passed = graded_submit(candidate, shelf["solved"], score=1)
    assert next_of(api_client, passed) == {
        "slug": "near",
        "title": "Near",
        "kind": "sql",
        "difficulty": "medium",
        "url": "/challenges/near/",
    }
    # Solved ones are skipped: then the farther difficulty, then kind-only, then skill-only.
    graded_submit(candidate, shelf["near"], score=1)
    assert next_of(api_client, passed)["slug"] == "far"
    graded_submit(candidate, shelf["far"], score=1)
    assert next_of(api_client, passed)["slug"] == "kind-only"
    graded_submit(candidate, shelf["kind-only"], score=1)
    assert next_of(api_client, passed)["slug"] == "skill-only"
    graded_submit(candidate, shelf["skill-only"], score=1)
    # Nothing of the same kind or skill is left: none, never an unrelated one.
    assert next_of(api_client, passed) is None


def test_none_for_a_failed_submit_or_a_run(api_client, candidate, shelf):
    assert next_of(api_client, graded_submit(candidate, shelf["solved"], score=0.5)) is None
    assert (
        next_of(api_client, graded_submit(candidate, shelf["solved"], score=1, mode="run")) is None
    )


def test_another_users_solves_do_not_count_and_private_ones_are_not_offered(
    api_client, candidate, shelf
):
    from organisations.models import Organisation

    other = UserFactory(username="other")
    graded_submit(other, shelf["near"], score=1)
    acme = Organisation.objects.create(slug="acme", name="Acme")
    published_challenge(
        "acme-near", title="A near", kind="sql", skills={"sql-querying": 1.0}, organisation=acme
    )
    passed = graded_submit(candidate, shelf["solved"], score=1)
    assert next_of(api_client, passed)["slug"] == "near"
