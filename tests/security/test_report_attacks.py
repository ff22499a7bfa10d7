"""Attacks on public readiness reports: guessing tokens, revoked links, leaks, injected markup."""

import datetime
import json

import pytest
from rest_framework.test import APIClient

from organisations.models import Membership, Organisation
from readiness.models import PublicReport
from readiness.reports import report_create
from readiness.services import readiness_rebuild
from submissions.models import Submission
from tests.factories import UserFactory, graded_submit, published_challenge
from tests.readiness.reporting import T0, practised_candidate

pytestmark = pytest.mark.django_db
# Headers a response could differ by; Content-Length follows from the body.
COMPARED_HEADERS = ("Content-Type", "Cache-Control", "X-Robots-Tag", "Content-Length")


def fingerprint(response) -> tuple:
    return (
        response.status_code,
        response.content,
        tuple(response.get(name) for name in COMPARED_HEADERS),
    )


@pytest.fixture
def revoked_token() -> str:
    ada = practised_candidate()
    report = report_create(user=ada)
    PublicReport.objects.filter(pk=report.pk).update(revoked_at=T0)
    return report.token


@pytest.fixture
def inactive_token() -> str:
    gone = practised_candidate(username="gone", display_name="Gone")
    report = report_create(user=gone)
    type(gone).objects.filter(pk=gone.pk).update(is_active=False)
    return report.token


GUESSES = [
    "A" * 43,
    "0123456789abcdefghijklmnopqrstuvwxyzABCDEFG",
    "short",
    "x" * 500,
    "%27%20OR%201%3D1--",
    "..%2F..%2Fetc%2Fpasswd",
    "tok%00en",
    "<script>",
]


def test_every_wrong_token_gets_the_same_404_as_a_revoked_one(revoked_token, inactive_token):
    client = APIClient()
    for suffix in ("/", ".json"):
        reference = client.get(f"/r/{revoked_token}{suffix}")
        assert reference.status_code == 404
        assert reference["Cache-Control"] == "no-store"
        assert reference["X-Robots-Tag"] == "noindex, nofollow"
        for token in [*GUESSES, inactive_token, revoked_token[:-1], revoked_token + "A"]:
            response = client.get(f"/r/{token}{suffix}")
            assert fingerprint(response) == fingerprint(reference), (token, suffix)


def test_a_revoked_link_fails_at_once_even_for_a_visitor_who_saw_it(revoked_token):
    # The visitor's earlier 200 was no-store, so nothing cached can serve it again.
    ada = UserFactory(username="ada")
    client = APIClient()
    report = report_create(user=ada, display_name="Ada")
    first = client.get(f"/r/{report.token}/")
    assert first.status_code == 200
    assert first["Cache-Control"] == "no-store"
    PublicReport.objects.filter(pk=report.pk).update(revoked_at=T0)

    assert client.get(f"/r/{report.token}/").status_code == 404
    assert client.get(f"/r/{report.token}.json").status_code == 404


def test_a_forged_host_header_cannot_rename_the_issuer():
    ada = practised_candidate()
    report = report_create(user=ada)
    response = APIClient().get(f"/r/{report.token}.json", HTTP_HOST="evil.example")
    assert response.status_code == 400


def test_private_data_never_reaches_the_report():
    acme = Organisation.objects.create(slug="acme", name="Acme")
    ada = UserFactory(
        username="ada_private_username",
        email="ada.private@example.com",
        display_name="Ada Lovelace",
    )
    Membership.objects.create(organisation=acme, user=ada)
    public = published_challenge(
        "ledger-rounding", title="Ledger rounding", skills={"money-correctness": 1.0}
    )
    private = published_challenge(
        "acme-internal-billing",
        title="Acme confidential billing rework",
        skills={"money-correctness": 1.0},
        organisation=acme,
    )
    submits = [
        graded_submit(ada, public, score=1.0, when=T0),
        graded_submit(ada, private, score=1.0, when=T0 + datetime.timedelta(hours=1)),
    ]
    Submission.objects.filter(user=ada).update(code="def secret_marker_function(): return 42")
    readiness_rebuild(user_id=ada.pk)
    report = report_create(user=ada)
    client = APIClient()

    html = client.get(f"/r/{report.token}/").content.decode()
    raw = client.get(f"/r/{report.token}.json").content.decode()
    document = json.loads(raw)

    for text in (html, raw):
        assert "Ada Lovelace" in text
        assert "Ledger rounding" in text
        for secret in (
            "ada_private_username",
            "ada.private@example.com",
            "secret_marker_function",
            "acme-internal-billing",
            "Acme confidential",
            "/submissions/",
            report.token if text is raw else "\0",
        ):
            assert secret not in text, secret

    def keys(node) -> set[str]:
        if isinstance(node, dict):
            return set(node) | {k for value in node.values() for k in keys(value)}
        if isinstance(node, list):
            return {k for item in node for k in keys(item)}
        return set()

    found = keys(document)
    assert not {k for k in found if "submission" in k or "user" in k or "email" in k}
    assert "token" not in found
    evidence = [e for s in document["report"]["skills"] for e in s["evidence"]]
    assert [e["challenge"] for e in evidence] == ["ledger-rounding"]
    # An allow-list: nothing that could carry a submission's id or its code.
    assert set(evidence[0]) == {
        "challenge", "title", "difficulty", "best_score", "submits", "assisted", "url"
    }  # fmt: skip
    assert evidence[0]["submits"] == 1
    assert evidence[0]["url"] == f"http://testserver/challenges/{public.slug}/"
    assert all(f"/submissions/{s.pk}" not in raw for s in submits)
    # The private challenge still counts towards the score; it is just not named.
    money = next(s for s in document["report"]["skills"] if s["slug"] == "money-correctness")
    assert money["challenges"] == 2


def test_markup_in_the_name_and_challenge_titles_is_escaped():
    ada = UserFactory(username="ada")
    evil_title = '<img src=x onerror="alert(1)">Ledger'
    challenge = published_challenge(
        "ledger-rounding", title=evil_title, skills={"money-correctness": 1.0}
    )
    graded_submit(ada, challenge, score=1.0, when=T0)
    readiness_rebuild(user_id=ada.pk)
    evil_name = "<script>alert('x')</script>"
    client = APIClient()
    client.force_authenticate(ada)
    created = client.post("/api/readiness/reports/", {"display_name": evil_name}, format="json")
    assert created.status_code == 201
    token = PublicReport.objects.get().token

    html = client.get(f"/r/{token}/").content.decode()
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;Ledger" in html

    signed = client.get(f"/r/{token}.json")
    assert signed["Content-Type"] == "application/json"
    assert signed["X-Content-Type-Options"] == "nosniff"
    assert signed.json()["report"]["candidate"]["display_name"] == evil_name

    page_client = APIClient()
    page_client.force_login(ada)
    share = page_client.get("/readiness/share/").content.decode()
    assert "<script>alert" not in share


def test_the_share_page_cannot_revoke_someone_elses_link():
    ada = practised_candidate()
    theirs = report_create(user=ada)
    mallory = UserFactory(username="mallory", display_name="Mallory")
    client = APIClient()
    client.force_login(mallory)

    response = client.post("/readiness/share/", {"action": "revoke", "report": theirs.pk})

    assert response.status_code == 400
    assert "That link is not one of yours." in response.content.decode()
    assert PublicReport.objects.get(pk=theirs.pk).revoked_at is None
    assert APIClient().get(f"/r/{theirs.token}/").status_code == 200


def test_a_name_cleared_later_never_falls_back_to_the_username():
    ada = UserFactory(username="ada_login_name", display_name="Ada")
    report = report_create(user=ada)
    type(ada).objects.filter(pk=ada.pk).update(display_name="   ")

    html = APIClient().get(f"/r/{report.token}/").content.decode()
    document = APIClient().get(f"/r/{report.token}.json").json()

    assert document["report"]["candidate"] == {"display_name": "Unnamed candidate"}
    assert 'Readiness report: <span class="report-name">Unnamed candidate</span>' in html
    assert "ada_login_name" not in html


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ({"role": "candidate"}, True),
        ({"role": "candidate", "is_staff": True}, True),
        ({"role": "candidate", "is_active": False}, False),
        ({"role": "employer"}, False),
    ],
)
def test_only_active_candidates_may_share(who, allowed):
    from django.contrib.auth.models import AnonymousUser

    from readiness.reports import access_can_share_report

    assert access_can_share_report(UserFactory(username="someone", **who)) is allowed
    assert access_can_share_report(AnonymousUser()) is False
