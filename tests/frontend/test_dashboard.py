"""The dashboard page: headline numbers, bars, activity, suggestions and the empty state."""

import datetime
import re

import pytest
from django.utils import timezone

from challenges.models import Challenge, Skill
from tests.submissions.test_progress import make_challenge, submit


@pytest.fixture
def catalogue(db):
    joins = Skill.objects.create(slug="sql-joins", name="SQL joins")
    caching = Skill.objects.create(slug="caching", name="Caching")
    return {
        "join-orders": make_challenge(
            "join-orders", title="Join orders", kind="sql", skills=(joins,)
        ),
        "late-orders": make_challenge(
            "late-orders", title="Late orders", kind="sql", difficulty="medium", skills=(joins,)
        ),
        "order-rollup": make_challenge(
            "order-rollup", title="Order rollup", kind="sql", difficulty="hard", skills=(joins,)
        ),
        "cache-sizing": make_challenge(
            "cache-sizing", title="Cache sizing", kind="design", skills=(caching,)
        ),
    }


def page(client, user) -> str:
    client.force_login(user)
    response = client.get("/dashboard/")
    assert response.status_code == 200
    return response.content.decode()


def test_anonymous_is_sent_to_sign_in(client, db):
    response = client.get("/dashboard/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/dashboard/"


def test_numbers_bars_activity_and_suggestions(client, candidate, catalogue):
    today = timezone.localdate()
    noon = datetime.datetime.combine(today, datetime.time(12), tzinfo=datetime.UTC)
    # Practised yesterday and today: a two-day streak; one of two graded submits accepted.
    wrong = submit(
        candidate,
        catalogue["join-orders"],
        verdict="wrong_answer",
        score=0.25,
        when=noon - datetime.timedelta(days=1),
    )
    accepted = submit(candidate, catalogue["join-orders"], when=noon)
    submit(candidate, catalogue["late-orders"], mode="run", verdict="wrong_answer", when=noon)

    html = page(client, candidate)

    assert "<title>Dashboard · Interview Platform</title>" in html
    assert '<dd><strong id="solved-count">1</strong> <span class="muted">of 4</span></dd>' in html
    assert '<dd class="muted">1 started, not solved yet</dd>' in html
    assert "<dd><strong>2</strong> days</dd>" in html
    assert '<dd class="muted">longest 2 days</dd>' in html
    assert "<dd><strong>3</strong></dd>" in html
    # Submits passed and challenges solved follow one rule (Submission.passed).
    assert (
        '<dd><strong id="passed-submits">1</strong> <span class="muted">of 2 (50%)</span></dd>'
        in html
    )
    assert "Acceptance rate" not in html
    # Every bar says what it shows in text; the SVG is decoration.
    assert '<ul class="bars" aria-labelledby="skills-heading">' in html
    assert '<span class="bar-label">Caching — 0 / 1 solved (0%)</span>' in html
    assert '<span class="bar-label">SQL joins — 1 / 3 solved (33%)</span>' in html
    # Where the candidate has progress comes first.
    assert html.index("SQL joins — 1 / 3") < html.index("Caching — 0 / 1")
    assert '<rect class="bar-fill" width="33" height="10"/>' in html
    assert '<span class="bar-label">SQL — 1 / 3 solved (33%)</span>' in html
    assert '<span class="bar-label">System design — 0 / 1 solved (0%)</span>' in html
    assert "Python —" not in html  # no Python challenge is published
    # Activity links each submission's page, newest first.
    assert html.index(f'href="/submissions/{accepted.pk}/"') < html.index(
        f'href="/submissions/{wrong.pk}/"'
    )
    assert '<span class="verdict-accepted">Accepted</span>' in html
    assert "Submit · 25% ·" in html
    # Practise next (readiness.practice) replaces the old "try next": unsolved ones only.
    assert '<h2 id="next-heading">Practise next</h2>' in html
    practise = html.split('<ul class="suggestions practise-next">')[1].split("</ul>")[0]
    assert '<a href="/challenges/join-orders/">' not in practise
    assert '<a href="/challenges/late-orders/">Late orders</a>' in practise
    assert '<a href="/challenges/cache-sizing/">Cache sizing</a>' in practise
    assert "Welcome" not in html


def test_first_visit_shows_the_empty_state_with_easy_starters(client, candidate, catalogue):
    html = page(client, candidate)
    assert "Welcome, cand!" in html
    assert '<a class="button primary" href="/challenges/">Browse the catalogue</a>' in html
    assert "Good first challenges" in html
    assert '<a href="/challenges/cache-sizing/">Cache sizing</a>' in html
    assert '<a href="/challenges/join-orders/">Join orders</a>' in html
    assert html.count("An easy first challenge") == 2
    assert "Solved per skill" not in html
    assert "Recent activity" not in html


def test_nav_links_the_dashboard(client, candidate, db):
    html = page(client, candidate)
    assert '<a href="/dashboard/" aria-current="page">Dashboard</a>' in html
    assert '<a href="/challenges/">Challenges</a>' in html
    assert html.index('href="/dashboard/"') < html.index('href="/challenges/"')


def test_page_queries_are_constant(client, candidate, catalogue, django_assert_max_num_queries):
    from readiness.goals import candidate_goal_set

    candidate_goal_set(user_id=candidate.pk, role_slug="junior-backend")
    client.force_login(candidate)
    for challenge in list(catalogue.values())[:2]:
        submit(candidate, challenge, when=timezone.now())
    # The session and user, the five of the progress selector, then readiness: skills and
    # scores, the goal, roles and their weights, stored abilities, the unsolved challenges and
    # their facts (challenges, skill shares, calibrations). However much history there is.
    with django_assert_max_num_queries(17):
        assert client.get("/dashboard/").status_code == 200
    for challenge in list(catalogue.values())[2:]:
        submit(candidate, challenge, when=timezone.now(), verdict="wrong_answer", score=0.0)
    with django_assert_max_num_queries(17):
        assert client.get("/dashboard/").status_code == 200


def test_a_long_skill_list_charts_twelve_and_folds_the_rest(client, candidate, db):
    skills = [Skill.objects.create(slug=f"skill-{n:02}", name=f"Skill {n:02}") for n in range(15)]
    for n, skill in enumerate(skills):
        make_challenge(f"c-{n:02}", title=f"Challenge {n:02}", skills=(skill,))
    # The one the candidate solved leads the chart.
    submit(candidate, Challenge.objects.get(slug="c-14"), when=timezone.now())
    html = page(client, candidate)
    chart, folded = html.split('<details class="more-skills">')
    labels = re.findall(r'<span class="bar-label">(Skill \d+)', chart)
    assert labels == ["Skill 14"] + [f"Skill {n:02}" for n in range(11)]
    assert "<summary>3 more skills</summary>" in folded
    assert re.findall(r'<span class="bar-label">(Skill \d+)', folded) == [
        "Skill 11",
        "Skill 12",
        "Skill 13",
    ]
