"""Password guessing, account spraying and reset-mail bombing hit a limit per IP and per account."""

from __future__ import annotations

import hashlib

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import RequestFactory
from rest_framework.test import APIClient

import accounts.throttles
from accounts.models import User
from tests.factories import UserFactory

GENEROUS = "1000/min"
# A fixed clock 30.5 s past a whole hour: a window of a minute, 15 minutes or an hour has 29.5,
# 869.5 or 3569.5 s left, so Retry-After is 30, 870 or 3570.
NOW = 3600 * 278 + 30.5


class FakeClock:
    def __init__(self, now: float) -> None:
        self.now = now

    def time(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch) -> FakeClock:
    fake = FakeClock(NOW)
    monkeypatch.setattr(accounts.throttles, "time", fake)
    return fake


@pytest.fixture
def rates(db, settings, clock):
    """Set one scope's budgets for a test; every other budget stays generous."""
    cache.clear()

    def set_rates(scope: str, *, ip: str = GENEROUS, account: str = GENEROUS) -> None:
        settings.AUTH_THROTTLE_RATES = {
            **{name: {"ip": GENEROUS, "account": GENEROUS} for name in ("sign_in", "sign_up",
                                                                         "password_reset")},
            scope: {"ip": ip, "account": account},
        }  # fmt: skip

    yield set_rates
    cache.clear()


def token(username: str, password: str, *, ip: str = "203.0.113.7", **headers):
    return APIClient().post(
        "/api/auth/token/",
        {"username": username, "password": password},
        format="json",
        REMOTE_ADDR=ip,
        **headers,
    )


def sign_in_page(client, username: str, password: str, *, ip: str = "203.0.113.7"):
    return client.post(
        "/accounts/login/", {"username": username, "password": password}, REMOTE_ADDR=ip
    )


def test_a_botnet_guessing_one_password_is_stopped_per_account(rates):
    rates("sign_in", account="3/min")
    UserFactory(username="ada")
    statuses = [token("ada", f"guess-{n}", ip=f"198.51.100.{n}").status_code for n in range(3)]
    assert statuses == [400, 400, 400]
    refused = token("ada", "correct-horse-battery", ip="198.51.100.99")
    assert refused.status_code == 429
    assert refused["Retry-After"] == "30"
    assert refused.json() == {"detail": "Request was throttled. Expected available in 30 seconds."}
    # The username's case is folded: "ADA" is the same budget, not a fresh one.
    assert token("ADA", "guess", ip="198.51.100.100").status_code == 429
    # Other accounts are untouched.
    UserFactory(username="bob")
    assert token("bob", "correct-horse-battery", ip="198.51.100.99").status_code == 200


def test_one_address_spraying_many_accounts_is_stopped_per_ip(rates):
    rates("sign_in", ip="3/min")
    for name in ("ada", "bob", "cy", "dee"):
        UserFactory(username=name)
    assert [token(name, "123456").status_code for name in ("ada", "bob", "cy")] == [400] * 3
    assert token("dee", "correct-horse-battery").status_code == 429
    assert token("dee", "correct-horse-battery", ip="203.0.113.8").status_code == 200


def test_the_budget_frees_when_the_window_ends(rates, clock):
    rates("sign_in", account="1/min")
    UserFactory(username="ada")
    assert token("ada", "guess").status_code == 400
    assert token("ada", "correct-horse-battery").status_code == 429
    clock.now += 29.4
    assert token("ada", "correct-horse-battery").status_code == 429
    clock.now += 0.2
    assert token("ada", "correct-horse-battery").status_code == 200


def test_the_sign_in_page_shares_the_token_budget_and_says_when_to_retry(rates, client):
    rates("sign_in", account="3/15min")
    UserFactory(username="ada")
    assert [token("ada", "guess").status_code for _ in range(2)] == [400, 400]
    assert sign_in_page(client, "ada", "guess").status_code == 200  # the usual form error
    page = sign_in_page(client, "ada", "correct-horse-battery")
    assert page.status_code == 429
    assert page["Retry-After"] == "870"
    html = page.content.decode()
    assert '<p class="error" role="alert">Too many attempts: try again in 15 minutes.</p>' in html
    assert "didn&#x27;t match" not in html
    assert 'name="username" autocomplete="username" required autofocus value="ada"' in html
    assert "_auth_user_id" not in client.session
    assert token("ada", "correct-horse-battery").status_code == 429


def test_a_forged_forwarded_for_header_does_not_buy_a_new_budget(rates, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    rates("sign_in", ip="2/min")
    UserFactory(username="ada")
    statuses = [
        token("ada", "guess", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}").status_code for n in range(3)
    ]
    assert statuses == [400, 400, 429]


def test_behind_one_trusted_proxy_the_client_is_the_entry_it_added(rates, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    rates("sign_in", ip="2/min")
    UserFactory(username="ada")
    proxy = "10.0.0.2"
    # The client writes whatever it likes on the left; the proxy appends the address it saw.
    first = [
        token("ada", "guess", ip=proxy, HTTP_X_FORWARDED_FOR=f"1.1.1.{n}, 198.51.100.5")
        for n in range(3)
    ]
    assert [r.status_code for r in first] == [400, 400, 429]
    # Another client behind the same proxy has its own budget.
    other = token("ada", "correct-horse-battery", ip=proxy, HTTP_X_FORWARDED_FOR="198.51.100.6")
    assert other.status_code == 200


def test_odd_usernames_are_counted_not_crashed_on(rates):
    rates("sign_in", ip="3/min")
    bodies = [
        {"username": {"$ne": ""}, "password": "x"},
        {"username": ["a"] * 5},
        ["not", "a", "dict"],
    ]
    statuses = [
        APIClient().post("/api/auth/token/", body, format="json", REMOTE_ADDR="203.0.113.9")
        .status_code
        for body in bodies
    ]  # fmt: skip
    assert statuses == [400, 400, 400]
    assert token("x" * 5000, "y", ip="203.0.113.9").status_code == 429


def test_sign_up_is_limited_per_address_and_per_email(rates, client):
    rates("sign_up", ip="2/h", account="1/h")

    def sign_up(username, email, ip):
        return client.post(
            "/accounts/signup/",
            {"username": username, "email": email, "password": "short"},
            REMOTE_ADDR=ip,
        )

    assert sign_up("grace", "grace@example.com", "203.0.113.1").status_code == 200  # form errors
    refused = sign_up("grace2", "GRACE@example.com", "203.0.113.2")
    assert refused.status_code == 429
    html = refused.content.decode()
    assert refused["Retry-After"] == "3570"
    assert "Too many attempts: try again in 60 minutes." in html
    assert 'value="grace2"' in html
    assert "This password is too short." not in html  # not validated while refused
    assert sign_up("hopper", "hopper@example.com", "203.0.113.1").status_code == 200
    assert sign_up("lovelace", "lovelace@example.com", "203.0.113.1").status_code == 429
    ok = client.post(
        "/accounts/signup/",
        {"username": "ok", "email": "ok@example.com", "password": "a-long-unusual-passphrase"},
        REMOTE_ADDR="203.0.113.3",
    )
    assert ok.status_code == 302
    assert User.objects.filter(username="ok").exists()


def test_password_reset_mails_are_limited_per_address_asked_for(rates, client):
    rates("password_reset", account="2/h")
    UserFactory(username="ada", email="ada@example.com")
    sent = [
        client.post(
            "/accounts/password-reset/", {"email": "ada@example.com"}, REMOTE_ADDR=f"192.0.2.{n}"
        )
        for n in range(3)
    ]
    assert [r.status_code for r in sent] == [302, 302, 429]
    assert len(mail.outbox) == 2
    html = sent[2].content.decode()
    assert "Too many attempts: try again in 60 minutes." in html
    assert 'value="ada@example.com"' in html


def test_password_reset_is_limited_per_ip_across_addresses(rates, client):
    rates("password_reset", ip="2/h")
    statuses = [
        client.post("/accounts/password-reset/", {"email": f"u{n}@example.com"}).status_code
        for n in range(3)
    ]
    assert statuses == [302, 302, 429]


def test_spraying_hundreds_of_usernames_does_not_wipe_a_victims_count(rates, settings):
    """The database cache culls live entries past MAX_ENTRIES (Django's default: 300)."""
    rates("sign_in", account="3/h")
    # A victim whose counter sorts first: a cull deletes the lowest cache keys first.
    victim = next(
        name
        for name in (f"victim{n}" for n in range(100_000))
        if hashlib.sha256(name.encode()).hexdigest() < "01"
    )
    assert settings.CACHES["default"]["OPTIONS"]["MAX_ENTRIES"] > 500
    request = RequestFactory().post("/api/auth/token/", REMOTE_ADDR="203.0.113.50")
    attempt = accounts.throttles.throttle_attempt
    assert [attempt(scope="sign_in", request=request, account=victim) for _ in range(3)] == [
        None
    ] * 3
    for n in range(400):
        attempt(scope="sign_in", request=request, account=f"sprayed-{n}")
    assert token(victim, "guess").status_code == 429
