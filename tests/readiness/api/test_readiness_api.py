"""The readiness API: stored scores with bands and explanations, roles, the goal, practise next."""

import datetime

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from challenges.models import Skill
from readiness.models import CandidateGoal, RoleProfile
from readiness.queries import PRIOR_BAND
from readiness.roles import VERDICT_LABELS, verdict_for
from readiness.services import readiness_refresh
from tests.factories import UserFactory, graded_submit, published_challenge

T0 = datetime.datetime(2026, 6, 1, 12, tzinfo=datetime.UTC)


@pytest.fixture
def ledger(db):
    return published_challenge(
        "ledger", title="Ledger", difficulty="hard", skills={"money-correctness": 1.0}
    )


def solve(user, challenge, *, score: float = 1.0):
    submission = graded_submit(user, challenge, score=score, when=T0)
    readiness_refresh(user_id=user.pk, challenge_id=challenge.pk, as_of=T0)
    return submission


def skill(body: dict, slug: str) -> dict:
    return next(s for s in body["skills"] if s["slug"] == slug)


def test_anonymous_is_refused(client, db):
    for url in ("/api/readiness/", "/api/readiness/roles/", "/api/readiness/practise-next/"):
        assert client.get(url).status_code == 403
    assert client.put("/api/readiness/goal/", {"role": "junior-backend"}).status_code == 403


def test_a_new_candidate_sees_the_prior_on_every_skill(api_client):
    body = api_client.get("/api/readiness/").json()
    assert [s["slug"] for s in body["skills"]] == list(Skill.objects.values_list("slug", flat=True))
    money = skill(body, "money-correctness")
    assert (money["score"], money["low"], money["high"]) == (
        round(PRIOR_BAND.score, 1),
        round(PRIOR_BAND.low, 1),
        round(PRIOR_BAND.high, 1),
    )
    assert (money["challenges"], money["has_evidence"]) == (0, False)
    assert money["explanation"] == {
        "movers": [],
        "missing": [],
    }
    assert body["goal"] is None
    assert [r["slug"] for r in body["roles"]] == list(
        RoleProfile.objects.values_list("slug", flat=True)
    )
    for standing in body["roles"]:
        role = RoleProfile.objects.get(slug=standing["slug"])
        assert standing["threshold"] == role.threshold
        # Every skill at the prior: the role's band is the prior's.
        assert (standing["score"], standing["low"], standing["high"]) == (
            money["score"],
            money["low"],
            money["high"],
        )
        expected = verdict_for(score=PRIOR_BAND.score, low=PRIOR_BAND.low, threshold=role.threshold)
        assert (standing["verdict"], standing["label"]) == (expected, VERDICT_LABELS[expected])


def test_a_solve_moves_the_skill_with_a_linked_explanation(api_client, candidate, ledger):
    before = skill(api_client.get("/api/readiness/").json(), "money-correctness")
    submission = solve(candidate, ledger)
    after = skill(api_client.get("/api/readiness/").json(), "money-correctness")
    assert after["score"] > before["score"]
    assert after["high"] - after["low"] < before["high"] - before["low"]
    assert (after["challenges"], after["has_evidence"]) == (1, True)
    [mover] = after["explanation"]["movers"]
    assert mover["challenge"] == "ledger"
    assert mover["title"] == "Ledger"
    assert mover["difficulty"] == "hard"
    assert mover["delta"] > 0
    assert mover["submission_id"] == submission.pk
    assert mover["challenge_url"] == "/api/challenges/ledger/"
    assert mover["submission_url"] == f"/api/submissions/{submission.pk}/"
    assert isinstance(after["explanation"]["missing"], list)


def test_another_candidates_scores_are_not_mine(api_client, ledger):
    solve(UserFactory(username="other"), ledger)
    money = skill(api_client.get("/api/readiness/").json(), "money-correctness")
    assert (money["challenges"], money["has_evidence"]) == (0, False)
    assert money["explanation"]["movers"] == []


def test_roles_list_weights_shares_and_thresholds(api_client):
    body = api_client.get("/api/readiness/roles/").json()
    junior = next(r for r in body if r["slug"] == "junior-backend")
    role = RoleProfile.objects.get(slug="junior-backend")
    assert junior["name"] == role.name
    assert junior["threshold"] == role.threshold
    weights = {w["skill"]: w["weight"] for w in junior["weights"]}
    assert weights == {w.skill.slug: w.weight for w in role.weights.all()}
    assert sum(w["share"] for w in junior["weights"]) == pytest.approx(1.0, abs=1e-3)


def test_goal_is_set_replaced_and_cleared(api_client, candidate):
    response = api_client.put("/api/readiness/goal/", {"role": "junior-backend"}, format="json")
    assert response.status_code == 200
    role = RoleProfile.objects.get(slug="junior-backend")
    assert response.json() == {
        "role": {"slug": "junior-backend", "name": role.name, "threshold": role.threshold}
    }
    api_client.put("/api/readiness/goal/", {"role": "backend-fintech"}, format="json")
    assert CandidateGoal.objects.get(user=candidate).role.slug == "backend-fintech"
    body = api_client.get("/api/readiness/").json()
    assert body["goal"]["slug"] == "backend-fintech"
    assert api_client.delete("/api/readiness/goal/").status_code == 204
    assert not CandidateGoal.objects.filter(user=candidate).exists()


def test_an_unknown_role_is_named_in_the_400(api_client, candidate):
    response = api_client.put("/api/readiness/goal/", {"role": "astronaut"}, format="json")
    assert response.status_code == 400
    [message] = response.json()["role"]
    assert message.startswith("Unknown role 'astronaut': choose one of ")
    assert "junior-backend" in message
    assert not CandidateGoal.objects.filter(user=candidate).exists()
    missing = api_client.put("/api/readiness/goal/", {}, format="json")
    assert missing.status_code == 400
    assert missing.json() == {"role": ["This field is required."]}


def test_practise_next_defaults_to_the_goal_and_explains(api_client, candidate, ledger):
    published_challenge("ledger-easy", difficulty="easy", skills={"money-correctness": 1.0})
    published_challenge(
        "wallets", difficulty="medium", skills={"money-correctness": 0.5, "reliability": 0.5}
    )
    api_client.put("/api/readiness/goal/", {"role": "backend-fintech"}, format="json")
    body = api_client.get("/api/readiness/practise-next/").json()
    assert body["role"]["slug"] == "backend-fintech"
    assert body["weakest"]["target"] == RoleProfile.objects.get(slug="backend-fintech").threshold
    slugs = [s["challenge"] for s in body["suggestions"]]
    assert sorted(slugs) == ["ledger", "ledger-easy", "wallets"]
    for suggestion in body["suggestions"]:
        assert suggestion["aim"] in ("lift", "narrow")
        assert suggestion["reason"].endswith(".")
        assert 0 < suggestion["solve_chance"] < 1
        assert suggestion["challenge_url"] == f"/api/challenges/{suggestion['challenge']}/"
    # Deterministic: the same state gives the same answer.
    assert api_client.get("/api/readiness/practise-next/").json() == body


def test_practise_next_leaves_out_solved_challenges(api_client, candidate, ledger):
    published_challenge("ledger-easy", difficulty="easy", skills={"money-correctness": 1.0})
    solve(candidate, ledger)
    body = api_client.get("/api/readiness/practise-next/?role=backend-fintech").json()
    assert [s["challenge"] for s in body["suggestions"]] == ["ledger-easy"]


def test_practise_next_refuses_an_unknown_role(api_client, db):
    response = api_client.get("/api/readiness/practise-next/?role=astronaut")
    assert response.status_code == 400
    assert response.json()["role"][0].startswith("Unknown role 'astronaut'")


def test_practise_next_without_a_goal_weighs_every_skill(api_client, ledger):
    body = api_client.get("/api/readiness/practise-next/").json()
    assert body["role"] is None
    assert body["weakest"]["target"] == 100.0
    assert [s["challenge"] for s in body["suggestions"]] == ["ledger"]


def test_the_endpoints_are_in_the_schema(api_client, db):
    schema = APIClient().get(reverse("api-schema"), {"format": "json"})
    assert schema.status_code == 200
    paths = schema.json()["paths"]
    for path in (
        "/api/readiness/",
        "/api/readiness/roles/",
        "/api/readiness/goal/",
        "/api/readiness/practise-next/",
        "/api/challenges/{slug}/hints/",
        "/api/challenges/{slug}/editorial/",
    ):
        assert path in paths
