"""Server-rendered pages: sign-in gate, catalogue, and the challenge page's contents."""

import re

from submissions.models import Submission
from tests.factories import UserFactory


def test_home_is_public(client, order_total):
    response = client.get("/")
    assert response.status_code == 200
    assert "1 challenge available." in response.content.decode()


def test_home_has_each_kinds_card_with_its_count(client, order_total):
    page = client.get("/").content.decode()
    assert '<h2 id="kinds-heading">Five kinds of real backend work</h2>' in page
    headings = re.findall(r'<h3><span class="tag kind-(\w+)">([^<]+)</span>', page)
    assert headings == [
        ("python", "Python"),
        ("api", "API design"),
        ("sql", "SQL"),
        ("schema", "Data modelling"),
        ("design", "System design"),
    ]
    counts = re.findall(r'<p class="muted">(\d+ challenges?)</p></li>', page)
    assert counts == ["1 challenge", "0 challenges", "0 challenges", "0 challenges", "0 challenges"]


def test_catalogue_opens_without_sign_in(client, order_total):
    # Browsing is public; running needs an account (tests/frontend/test_anonymous.py).
    response = client.get("/challenges/")
    assert response.status_code == 200
    assert 'href="/challenges/order-total/"' in response.content.decode()


def test_sign_in_then_catalogue_lists_the_challenge(client, order_total):
    UserFactory(username="ada")
    response = client.post(
        "/accounts/login/", {"username": "ada", "password": "correct-horse-battery"}
    )
    assert response.status_code == 302
    page = client.get("/challenges/").content.decode()
    assert 'href="/challenges/order-total/"' in page
    assert "Checkout total with a coupon" in page


def test_challenge_page_has_statement_editor_and_only_visible_examples(client, order_total):
    client.force_login(UserFactory(username="ada"))
    page = client.get("/challenges/order-total/").content.decode()
    assert "<h3>Example</h3>" in page
    assert 'id="code"' in page
    assert "def order_total(items, coupon=None):" in page
    assert "percent coupon" in page
    assert "half-cent rounds up" not in page  # a hidden case's name
    assert 'data-submissions-url="/api/submissions/"' in page


def test_unknown_challenge_is_404(client, db):
    client.force_login(UserFactory(username="ada"))
    assert client.get("/challenges/nope/").status_code == 404


def test_challenge_page_marks_a_solved_challenge(client, order_total):
    ada = UserFactory(username="ada")
    client.force_login(ada)
    mark = '<span class="tag solved-tag"><span aria-hidden="true">✓</span> Solved</span>'
    assert mark not in client.get("/challenges/order-total/").content.decode()
    Submission.objects.create(
        user=ada,
        version=order_total.current_version,
        mode="submit",
        status="done",
        verdict="accepted",
        score=1.0,
        passed=True,
    )
    assert mark in client.get("/challenges/order-total/").content.decode()


def test_a_dml_example_shows_its_check_query_and_an_api_example_its_seed(client, db):
    from pathlib import Path

    from challenges.packages import read_package
    from challenges.services import challenge_import_package

    packages = Path(__file__).parent.parent / "challenges" / "packages"
    for slug in ("payout-batch", "seeded-wallets"):
        challenge_import_package(package=read_package(packages / slug), publish=True)
    client.force_login(UserFactory(username="ada"))
    page = client.get("/challenges/payout-batch/").content.decode()
    assert "Your statements (SQL, SQLite dialect)" in page
    assert (
        '<pre><code class="language-sql">SELECT id, balance_cents FROM accounts</code></pre>'
        in page
    )
    assert "SELECT id, state FROM payouts" not in page  # a hidden case's check
    page = client.get("/challenges/seeded-wallets/").content.decode()
    assert "<code>create_app(seed)</code>" in page
    assert "&#x27;owner&#x27;: &#x27;ana&#x27;" in page
    assert "&#x27;bo&#x27;" not in page  # a hidden scenario's seed
