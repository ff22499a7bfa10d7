"""Attacks on recorded help and the readiness API: hint index games, other users' and private
challenges, anonymous callers, CSRF, replays, hostile inputs."""

import pytest
from rest_framework.test import APIClient

from challenges.models import Challenge, ChallengeVersion
from organisations.models import Membership
from readiness.models import AssistEvent, CandidateGoal, RoleProfile
from tests.factories import UserFactory, published_challenge

HINTS = ["first hint text", "second hint text", "third hint text"]


def events(user=None) -> list[tuple[str, int]]:
    rows = AssistEvent.objects.all() if user is None else AssistEvent.objects.filter(user=user)
    return list(rows.values_list("kind", "index"))


def with_help(challenge: Challenge) -> Challenge:
    ChallengeVersion.objects.filter(pk=challenge.current_version_id).update(
        hints=HINTS, editorial_md="The answer.", editorial_html="<p>The answer.</p>"
    )
    challenge.refresh_from_db()
    return challenge


@pytest.fixture
def helped(db) -> Challenge:
    return with_help(published_challenge("helped", skills={"sql-querying": 1.0}))


def client_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.mark.parametrize(
    "hint",
    [0, -1, 21, 10**12, True, 2.5, "two", "", None, [1], {"n": 1}],
)
def test_malformed_hint_numbers_are_400_and_record_nothing(api_client, helped, hint):
    response = api_client.post("/api/challenges/helped/hints/", {"hint": hint}, format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["hint"]
    assert events() == []


def test_a_body_that_is_not_an_object_is_400(api_client, helped):
    response = api_client.post("/api/challenges/helped/hints/", [1, 2], format="json")
    assert response.status_code == 400
    assert events() == []


def test_hints_cannot_be_skipped_or_read_past_the_end(api_client, candidate, helped):
    url = "/api/challenges/helped/hints/"
    skipped = api_client.post(url, {"hint": 3}, format="json")
    assert skipped.status_code == 409
    assert skipped.json() == {"detail": "Hints open in order: open hint 1 first."}
    beyond = api_client.post(url, {"hint": 4}, format="json")
    assert beyond.status_code == 409
    assert beyond.json() == {"detail": "This challenge has 3 hint(s): ask for 1 to 3."}
    assert "third hint text" not in str(skipped.json()) + str(beyond.json())
    assert events(candidate) == []


def test_replaying_a_hint_or_the_editorial_records_once(api_client, candidate, helped):
    for _ in range(3):
        assert api_client.post("/api/challenges/helped/hints/", {"hint": 1}, format="json").json()[
            "text"
        ] == ("first hint text")
        assert api_client.post("/api/challenges/helped/editorial/").status_code == 200
    assert sorted(events(candidate)) == [("editorial", 0), ("hint", 0)]
    first = AssistEvent.objects.get(user=candidate, kind="hint")
    # The first opening's time stands: a replay can't move it after a later submit.
    api_client.post("/api/challenges/helped/hints/", {"hint": 1}, format="json")
    assert AssistEvent.objects.get(user=candidate, kind="hint").created_at == first.created_at


def test_another_candidates_openings_show_nothing_to_me(api_client, candidate, helped):
    other = client_for(UserFactory(username="other"))
    other.post("/api/challenges/helped/hints/", format="json")
    other.post("/api/challenges/helped/editorial/")
    mine = api_client.get("/api/challenges/helped/").json()
    assert (mine["hints"], mine["editorial_html"]) == ([], None)
    assert "first hint text" not in str(mine)
    # And my next hint is my first.
    assert api_client.post("/api/challenges/helped/hints/", format="json").json()["hint"] == 1


def test_anonymous_callers_are_refused(client, helped):
    for path in ("hints", "editorial"):
        response = client.post(
            f"/api/challenges/helped/{path}/", {}, content_type="application/json"
        )
        assert response.status_code == 403
        assert "hint text" not in response.content.decode()
        assert "The answer" not in response.content.decode()
    assert events() == []


def test_a_session_without_the_csrf_token_is_refused(candidate, helped):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(candidate)
    for path in ("hints", "editorial"):
        response = client.post(f"/api/challenges/helped/{path}/", {}, format="json")
        assert response.status_code == 403
        assert "CSRF" in response.json()["detail"]
    assert (
        client.put("/api/readiness/goal/", {"role": "junior-backend"}, format="json").status_code
        == 403
    )
    assert events() == []
    assert not CandidateGoal.objects.exists()


def test_private_challenges_follow_the_access_rules(api_client, candidate, acme):
    private = with_help(
        published_challenge("acme-only", skills={"sql-querying": 1.0}, organisation=acme)
    )
    for path in ("hints", "editorial"):
        assert (
            api_client.post(f"/api/challenges/{private.slug}/{path}/", format="json").status_code
            == 404
        )
    assert events() == []
    Membership.objects.create(organisation=acme, user=candidate, role=Membership.Role.MEMBER)
    opened = api_client.post(f"/api/challenges/{private.slug}/hints/", format="json")
    assert (opened.status_code, opened.json()["text"]) == (200, "first hint text")


def test_unpublished_and_unknown_challenges_are_404(api_client, helped):
    Challenge.objects.filter(pk=helped.pk).update(is_published=False)
    for slug in ("helped", "no-such-thing"):
        for path in ("hints", "editorial"):
            assert (
                api_client.post(f"/api/challenges/{slug}/{path}/", format="json").status_code == 404
            )
    assert events() == []


def test_practise_next_never_suggests_another_organisations_challenge(api_client, acme):
    published_challenge("acme-only", skills={"sql-querying": 1.0}, organisation=acme)
    published_challenge("public", skills={"sql-querying": 1.0})
    body = api_client.get("/api/readiness/practise-next/").json()
    assert [s["challenge"] for s in body["suggestions"]] == ["public"]


@pytest.mark.parametrize("role", ["x" * 65, "", None, 7, ["junior-backend"], "<script>"])
def test_hostile_goals_are_400_and_change_nothing(api_client, candidate, role):
    response = api_client.put("/api/readiness/goal/", {"role": role}, format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["role"]
    assert not CandidateGoal.objects.filter(user=candidate).exists()


def test_an_overlong_practise_role_is_400(api_client, db):
    response = api_client.get("/api/readiness/practise-next/", {"role": "r" * 65})
    assert response.status_code == 400
    assert list(response.json()) == ["role"]


def test_readiness_is_only_ever_my_own(db):
    """The API takes no user parameter: a query string naming someone else changes nothing."""
    me, other = UserFactory(username="me"), UserFactory(username="other")
    CandidateGoal.objects.create(user=other, role=RoleProfile.objects.first())
    body = client_for(me).get("/api/readiness/", {"user": other.pk, "user_id": other.pk}).json()
    assert body["goal"] is None
