"""The catalogue page: filters through a GET form, invalid ones reported, progress marks."""

import re

import pytest

from challenges.models import Challenge, ChallengeVersion, Skill
from submissions.models import Submission
from tests.factories import UserFactory


def publish(slug, *, title, kind="python", difficulty="easy", skills=None, published=True):
    """A published challenge training `skills` (canonical slug -> weight)."""
    challenge = Challenge.objects.create(
        slug=slug, title=title, kind=kind, difficulty=difficulty, is_published=published,
        context="fintech", estimated_minutes=30,
    )  # fmt: skip
    version = ChallengeVersion.objects.create(
        challenge=challenge, number=1, statement_md="x", statement_html="x", content_digest="d"
    )
    challenge.current_version = version
    challenge.save()
    for slug_, weight in (skills or {}).items():
        challenge.skill_weights.create(skill=Skill.objects.get(slug=slug_), weight=weight)
    return challenge


def attempt(user, challenge, verdict):
    """A graded submit as the worker leaves it (an accepted code submit has passed)."""
    return Submission.objects.create(
        user=user, version=challenge.current_version, mode="submit", code="x",
        status="done", verdict=verdict, passed=verdict == "accepted",
    )  # fmt: skip


def titles(page: str) -> list[str]:
    return re.findall(r"<h2>(.*?)</h2>", page)


@pytest.fixture
def catalogue(order_total):
    """order-total (python, easy, money + Python correctness) and three more."""
    return {
        "order-total": order_total,
        "ledger": publish(
            "ledger", title="Double-entry ledger", kind="sql", difficulty="medium",
            skills={"sql-querying": 0.5, "money-correctness": 0.5},
        ),
        "rate-limits": publish(
            "rate-limits", title="Per-tenant rate limits", kind="api", difficulty="hard",
            skills={"api-security": 1},
        ),
        "cache": publish(
            "cache", title="Cache sizing", kind="design", difficulty="hard",
            skills={"caching-performance": 1},
        ),
    }  # fmt: skip


def get(client, query=""):
    response = client.get(f"/challenges/{query}")
    assert response.status_code == 200
    return response.content.decode()


def test_the_form_has_labelled_controls_and_works_without_javascript(client, ada, catalogue):
    page = get(client)
    assert '<form method="get" action="/challenges/"' in page
    for name in ("search", "kind", "skill", "difficulty", "progress"):
        assert f'<label for="id_{name}">' in page
        assert f'name="{name}"' in page
    assert '<label for="id_progress">Status</label>' in page
    assert '<button type="submit" class="button primary">Apply</button>' in page
    assert '<a href="/challenges/">Clear filters</a>' in page
    assert '<option value="attempted">Attempted, not solved</option>' in page
    assert '<option value="new">Not started</option>' in page
    assert "<script" not in page
    assert "4 of 4 challenges" in page
    assert titles(page) == [
        "Cache sizing",
        "Checkout total with a coupon",
        "Double-entry ledger",
        "Per-tenant rate limits",
    ]


def test_skill_choices_are_the_published_challenges_skills(client, ada, catalogue):
    publish("draft", title="Draft", skills={"data-modelling": 1}, published=False)
    page = get(client)
    skills = re.findall(
        r'<option value="([^"]*)"', page.split('name="skill"')[1].split("</select>")[0]
    )
    # Only skills a published challenge trains, in the taxonomy's order.
    assert skills == [
        "",
        "python-correctness",
        "sql-querying",
        "api-security",
        "caching-performance",
        "money-correctness",
    ]
    assert "data-modelling" not in page


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?kind=sql", ["Double-entry ledger"]),
        ("?difficulty=hard", ["Cache sizing", "Per-tenant rate limits"]),
        ("?skill=money-correctness", ["Checkout total with a coupon", "Double-entry ledger"]),
        ("?search=LEDGER", ["Double-entry ledger"]),
        ("?difficulty=hard&kind=api", ["Per-tenant rate limits"]),
        ("?search=&kind=&skill=&difficulty=&progress=", None),  # an empty form: everything
    ],
)
def test_each_filter(client, ada, catalogue, query, expected):
    page = get(client, query)
    expected = expected or [
        "Cache sizing",
        "Checkout total with a coupon",
        "Double-entry ledger",
        "Per-tenant rate limits",
    ]
    assert titles(page) == expected
    assert f"{len(expected)} of 4 challenges" in page


def test_the_chosen_filters_stay_selected(client, ada, catalogue):
    page = get(client, "?kind=sql&search=led&progress=new")
    assert '<option value="sql" selected>SQL</option>' in page
    assert 'name="search" value="led"' in page
    assert '<option value="new" selected>Not started</option>' in page


def test_progress_filters_and_marks(client, ada, catalogue):
    attempt(ada, catalogue["order-total"], "accepted")
    attempt(ada, catalogue["ledger"], "wrong_answer")
    attempt(UserFactory(username="bob"), catalogue["cache"], "accepted")  # not ada's

    page = get(client)
    cards = dict(re.findall(r"<h2>(.*?)</h2></a>\s*(<p class=\"mark [a-z]+\">.*?</p>)?", page))
    assert cards == {
        "Cache sizing": "",
        "Checkout total with a coupon": (
            '<p class="mark solved"><span aria-hidden="true">✓</span> Solved</p>'
        ),
        "Double-entry ledger": '<p class="mark attempted">Attempted</p>',
        "Per-tenant rate limits": "",
    }
    assert titles(get(client, "?progress=solved")) == ["Checkout total with a coupon"]
    assert titles(get(client, "?progress=attempted")) == ["Double-entry ledger"]
    assert titles(get(client, "?progress=new")) == ["Cache sizing", "Per-tenant rate limits"]


def test_invalid_filters_are_reported_and_ignored(client, ada, catalogue):
    page = get(client, "?kind=bogus&difficulty=hard&progress=maybe")
    messages = re.findall(r'<p class="error" id="(.*?)">(.*?)</p>', page)
    assert messages == [
        ("id_kind_error", "The kind filter was ignored: “bogus” is not one of the choices."),
        ("id_progress_error", "The status filter was ignored: “maybe” is not one of the choices."),
    ]
    assert '<select name="kind" aria-invalid="true" aria-describedby="id_kind_error"' in page
    assert 'role="alert"' in page
    # The valid filter still applies.
    assert titles(page) == ["Cache sizing", "Per-tenant rate limits"]
    assert "2 of 4 challenges" in page


def test_unknown_skill_and_overlong_search_are_reported(client, ada, catalogue):
    page = get(client, f"?skill=cobol&search={'x' * 101}")
    assert "The skill filter was ignored: “cobol” is not one of the choices." in page
    assert (
        "The search titles filter was ignored: "
        "Ensure this value has at most 100 characters (it has 101)." in page
    )
    assert len(titles(page)) == 4


def test_no_match_shows_the_empty_state(client, ada, catalogue):
    page = get(client, "?search=nothing-like-this")
    assert titles(page) == []
    assert "0 of 4 challenges" in page
    assert "<p>No challenge matches these filters.</p>" in page
    assert '<p><a href="/challenges/">Clear filters</a> to see all 4.</p>' in page


def test_cards_show_kind_difficulty_context_minutes_and_skills(client, ada, catalogue):
    page = get(client, "?kind=sql")
    card = page.split('<li class="card">')[1].split("</li>")[0]
    assert '<span class="tag kind-sql">SQL</span>' in card
    assert '<span class="tag difficulty-medium">Medium</span>' in card
    assert '<span class="tag">fintech</span>' in card
    assert "~30 min" in card
    assert re.findall(
        r'<span class="skill" title="(\d+)% of this challenge">(.*?)</span>', card
    ) == [
        ("50", "SQL querying"),
        ("50", "Money &amp; correctness"),
    ]


def test_the_page_does_not_query_per_challenge(
    client, ada, catalogue, django_assert_max_num_queries
):
    attempt(ada, catalogue["ledger"], "accepted")
    get(client)  # warm up (session, content types)
    # session, user, skill choices, the page's count, challenges with progress and solvers,
    # their skills, the total
    with django_assert_max_num_queries(7):
        get(client)
    for index in range(20):
        publish(
            f"extra-{index}",
            title=f"Extra {index}",
            skills={"python-correctness": 0.5, "sql-querying": 0.5},
        )
    with django_assert_max_num_queries(7):
        page = get(client, "?skill=python-correctness")
    assert "21 of 24 challenges" in page
