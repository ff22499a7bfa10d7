"""Visitors browse the catalogue and statements; sorting and paging of the catalogue."""

from __future__ import annotations

import re

import pytest

from organisations.models import Organisation
from tests.factories import UserFactory, graded_submit, published_challenge
from tests.frontend.browser import load_test_package


def titles(page: str) -> list[str]:
    return re.findall(r'<a href="/challenges/[^"]+/"><h2>(.*?)</h2></a>', page)


def test_a_visitor_browses_the_public_catalogue_only(client, db):
    published_challenge("open-one", title="Open one")
    acme = Organisation.objects.create(slug="acme", name="Acme")
    published_challenge("private-one", title="Private one", organisation=acme)
    page = client.get("/challenges/").content.decode()
    assert titles(page) == ["Open one"]
    assert 'id="visitor-notice"' in page
    assert 'name="progress"' not in page  # a visitor has no progress to filter on
    assert client.get("/challenges/private-one/").status_code == 404


def test_a_visitor_reads_a_statement_and_is_asked_to_sign_in_to_run(client, order_total):
    page = client.get("/challenges/order-total/").content.decode()
    assert "Checkout total with a coupon" in page
    assert 'href="/accounts/login/?next=/challenges/order-total/">Sign in to run</a>' in page
    assert 'id="run-button"' not in page
    assert 'id="submit-button"' not in page
    assert 'id="hint-button"' not in page
    assert 'id="editorial-button"' not in page
    assert "challenge.js" not in page  # no editor script: nothing to run
    assert "def order_total" in page  # the starter code, read-only


def test_a_signed_in_candidate_still_gets_the_editor(client, ada, order_total):
    page = client.get("/challenges/order-total/").content.decode()
    assert 'id="run-button"' in page
    assert "Sign in to run" not in page


@pytest.fixture
def shelf(db):
    """Three challenges: b-easy (newest, solved by two), a-hard (solved by one), c-medium."""
    c = published_challenge("c-medium", title="C medium", difficulty="medium")
    a = published_challenge("a-hard", title="A hard", difficulty="hard")
    b = published_challenge("b-easy", title="B easy", difficulty="easy")
    one, two = UserFactory(username="one"), UserFactory(username="two")
    graded_submit(one, b, score=1)
    graded_submit(one, b, score=1)  # the same person twice counts once
    graded_submit(two, b, score=1)
    graded_submit(one, a, score=1)
    graded_submit(two, c, score=0.5)  # not solved
    return a, b, c


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("", ["A hard", "B easy", "C medium"]),
        ("title", ["A hard", "B easy", "C medium"]),
        ("difficulty", ["B easy", "C medium", "A hard"]),
        ("newest", ["B easy", "A hard", "C medium"]),
        ("most_solved", ["B easy", "A hard", "C medium"]),
    ],
)
def test_sorting_the_page(client, shelf, sort, expected):
    assert titles(client.get(f"/challenges/?sort={sort}").content.decode()) == expected


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("difficulty", ["b-easy", "c-medium", "a-hard"]),
        ("newest", ["b-easy", "a-hard", "c-medium"]),
        ("most_solved", ["b-easy", "a-hard", "c-medium"]),
    ],
)
def test_sorting_the_api(client, shelf, sort, expected):
    body = client.get(f"/api/challenges/?sort={sort}").json()
    assert [row["slug"] for row in body["results"]] == expected
    assert {row["slug"]: row["solvers"] for row in body["results"]} == {
        "b-easy": 2,
        "a-hard": 1,
        "c-medium": 0,
    }


def test_an_unknown_sort_is_reported(client, shelf):
    page = client.get("/challenges/?sort=evil").content.decode()
    assert "The sort by filter was ignored: “evil” is not one of the choices." in page
    assert titles(page) == ["A hard", "B easy", "C medium"]
    response = client.get("/api/challenges/?sort=evil")
    assert response.status_code == 400
    assert response.json() == {"sort": ['"evil" is not a valid choice.']}


@pytest.fixture
def fifty(db):
    for index in range(50):
        published_challenge(
            f"c-{index:02}", title=f"C {index:02}", difficulty="hard" if index % 2 else "easy"
        )


def test_the_page_shows_24_per_page_and_links_keep_the_filters(client, fifty):
    first = client.get("/challenges/?sort=title").content.decode()
    assert titles(first) == [f"C {i:02}" for i in range(24)]
    assert "50 of 50 challenges · showing 1\N{EN DASH}24" in first
    assert 'href="?sort=title&amp;page=2" rel="next"' in first
    third = client.get("/challenges/?sort=title&page=3").content.decode()
    assert titles(third) == ["C 48", "C 49"]
    assert 'href="?sort=title&amp;page=2" rel="prev"' in third
    filtered = client.get("/challenges/?difficulty=hard&sort=title").content.decode()
    assert titles(filtered)[:2] == ["C 01", "C 03"]
    assert 'href="?difficulty=hard&amp;sort=title&amp;page=2" rel="next"' in filtered
    # Out-of-range or junk pages fall back to the nearest page, as the history does.
    assert titles(client.get("/challenges/?page=99").content.decode()) == ["C 48", "C 49"]
    assert titles(client.get("/challenges/?page=x").content.decode())[0] == "C 00"


def test_the_api_pages_by_24(client, fifty):
    body = client.get("/api/challenges/").json()
    assert body["count"] == 50
    assert len(body["results"]) == 24
    assert body["next"] == "http://testserver/api/challenges/?page=2"
    last = client.get("/api/challenges/?page=3").json()
    assert [row["slug"] for row in last["results"]] == ["c-48", "c-49"]
    assert client.get("/api/challenges/?page=4").status_code == 404


@pytest.mark.parametrize(
    "package", ["cache-sizing", "top-spenders", "coupon-redemptions", "seeded-wallets"]
)
def test_every_kinds_statement_opens_for_a_visitor(client, db, package):
    challenge = load_test_package(package)
    page = client.get(f"/challenges/{challenge.slug}/").content.decode()
    assert f"<h1>{challenge.title}</h1>" in page
    assert 'id="sign-in-to-run"' in page
    assert 'id="submit-button"' not in page
