"""The dashboard's readiness: chart with bands, explanations, the goal's verdict, practise next."""

import datetime
import re

import pytest
from django.test import Client

from readiness.models import CandidateGoal, RoleProfile
from readiness.overview import readiness_overview
from readiness.services import readiness_refresh
from tests.factories import graded_submit, published_challenge

T0 = datetime.datetime(2026, 6, 1, 12, tzinfo=datetime.UTC)


@pytest.fixture
def ledger(db):
    return published_challenge(
        "ledger", title="Ledger", difficulty="hard", skills={"money-correctness": 1.0}
    )


def page(client, user) -> str:
    client.force_login(user)
    response = client.get("/dashboard/")
    assert response.status_code == 200
    return response.content.decode()


def chart_row(html: str, slug: str) -> str:
    return re.search(rf'<li class="readiness-row" data-skill="{slug}">.*?</li>', html, re.S)[0]


def test_the_chart_shows_every_skill_with_its_band(client, candidate, ledger):
    html = page(client, candidate)
    overview = readiness_overview(user=candidate)
    assert html.count('<li class="readiness-row"') == len(overview.skills)
    money = next(v for v in overview.skills if v.slug == "money-correctness")
    row = chart_row(html, "money-correctness")
    assert f"<strong data-score>{round(money.score)}</strong>" in row
    assert f"{round(money.low)}\u2013{round(money.high)}" in row
    assert "Every skill starts at the same estimate with a wide band." in html


def test_a_solve_moves_the_chart_and_is_explained(client, candidate, ledger):
    before = chart_row(page(client, candidate), "money-correctness")
    submission = graded_submit(candidate, ledger, score=1.0, when=T0)
    readiness_refresh(user_id=candidate.pk, challenge_id=ledger.pk, as_of=T0)
    html = page(client, candidate)
    after = chart_row(html, "money-correctness")
    assert after != before
    assert "· 1 challenge</span>" in after
    explain = re.search(
        r'<details class="readiness-explain" data-skill="money-correctness">.*?'
        r"</details>",
        html,
        re.S,
    )[0]
    assert '<a href="/challenges/ledger/">Ledger</a>' in explain
    assert f'<a href="/submissions/{submission.pk}/">the submission</a>' in explain
    assert re.search(r'<span class="mover-delta">\+\d+\.\d points</span>', explain)
    assert "Every skill starts at the same estimate" not in html
    # Only scored skills get an explanation; the others are named in one line.
    assert html.count('<details class="readiness-explain"') == 1
    assert "No submit yet on 12 skills (Python correctness, " in html
    assert "): they sit at the starting estimate for everyone.</p>" in html


def test_choosing_a_goal_shows_its_verdict_and_practise_next(client, candidate, ledger):
    client.force_login(candidate)
    response = client.post("/dashboard/goal/", {"role": "backend-fintech"})
    assert (response.status_code, response["Location"]) == (302, "/dashboard/")
    assert CandidateGoal.objects.get(user=candidate).role.slug == "backend-fintech"
    html = page(client, candidate)
    role = RoleProfile.objects.get(slug="backend-fintech")
    standing = readiness_overview(user=candidate).goal_standing
    verdict = standing.verdict
    assert (
        f'<p class="role-verdict verdict-{verdict.verdict}" id="goal-verdict"><strong>'
        f"{role.name}: {verdict.label}</strong> · readiness {round(verdict.score)}, band "
        f"{round(verdict.low)}\u2013{round(verdict.high)}, threshold {role.threshold}</p>"
    ) in html
    assert '<option value="backend-fintech" selected>' in html
    assert f'<h2 id="next-heading">Practise next for {role.name}</h2>' in html
    assert '<a href="/challenges/ledger/">Ledger</a>' in html.split("practise-next")[1]


def test_clearing_the_goal(client, candidate, db):
    client.force_login(candidate)
    client.post("/dashboard/goal/", {"role": "junior-backend"})
    assert client.post("/dashboard/goal/", {"role": ""}).status_code == 302
    assert not CandidateGoal.objects.filter(user=candidate).exists()
    assert 'id="goal-verdict"' not in page(client, candidate)


def test_an_unknown_role_is_refused_with_the_form_error(client, candidate, db):
    client.force_login(candidate)
    response = client.post("/dashboard/goal/", {"role": "astronaut"})
    assert response.status_code == 400
    assert "Select a valid choice. astronaut is not one of the available choices." in (
        response.content.decode()
    )
    assert not CandidateGoal.objects.filter(user=candidate).exists()


def test_the_goal_form_needs_csrf_sign_in_and_post(candidate, db):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(candidate)
    assert strict.post("/dashboard/goal/", {"role": "junior-backend"}).status_code == 403
    assert strict.get("/dashboard/goal/").status_code == 405
    anonymous = Client().post("/dashboard/goal/", {"role": "junior-backend"})
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/accounts/login/")
    assert not CandidateGoal.objects.exists()


def test_no_inline_style_or_script(client, candidate, ledger):
    html = page(client, candidate)
    assert " style=" not in html
    assert "<script>" not in html
