"""Attack: a challenge's [source] carries an author's text and URL to every candidate. Only
http(s) links are ever shown, with rel="nofollow noopener"; every text is escaped; the authoring
API refuses a bad table and returns, as warnings, the keys it ignored."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

from challenges.models import Challenge, ChallengeVersion
from challenges.packages import read_package
from tests.conftest import CATALOGUE

SLUG = "order-total"
PAGE = f"/challenges/{SLUG}/"


@pytest.fixture
def version(db) -> ChallengeVersion:
    call_command("loadchallenges", str(CATALOGUE / SLUG), stdout=StringIO(), stderr=StringIO())
    return Challenge.objects.get(slug=SLUG).current_version


@pytest.fixture
def viewer(candidate) -> Client:
    client = Client()
    client.force_login(candidate)
    return client


def stored(version: ChallengeVersion, source: dict) -> None:
    """Put a [source] straight into the database: the loader's checks bypassed (an old row, an
    admin's edit), so what candidates see must be safe on its own."""
    ChallengeVersion.objects.filter(pk=version.pk).update(source=source)


def test_a_source_is_shown_with_a_safe_link_and_escaped_text(version, viewer):
    stored(
        version,
        {
            "url": "https://example.com/katas?a=1&b=2",
            "licence": "MIT",
            "attribution": '<script>alert("x")</script> & co',
            "changes": "<b>new</b> cases",
        },
    )
    html = viewer.get(PAGE).content.decode()
    assert (
        '<a href="https://example.com/katas?a=1&amp;b=2" rel="nofollow noopener">'
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co</a>"
    ) in html
    assert " · licence MIT · changed: &lt;b&gt;new&lt;/b&gt; cases" in html
    assert "<script>alert" not in html
    body = viewer.get(f"/api/challenges/{SLUG}/").json()
    assert body["source"] == {
        "url": "https://example.com/katas?a=1&b=2",
        "licence": "MIT",
        "attribution": '<script>alert("x")</script> & co',
        "changes": "<b>new</b> cases",
    }


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "//evil.example/x",
        "https://exa mple.com/",
        "https://example.com/\nLocation: x",
        "ftp://example.com/x",
        "http:///no-host",
        ["https://example.com"],
    ],
)
def test_a_link_that_is_not_http_is_never_shown(version, viewer, url):
    stored(version, {"url": url, "licence": "MIT", "attribution": "Someone"})
    html = viewer.get(PAGE).content.decode()
    assert '<p class="source muted">' in html
    assert 'rel="nofollow noopener">' not in html.split('<p class="source muted">')[1][:400]
    assert "javascript:" not in html.lower()
    body = viewer.get(f"/api/challenges/{SLUG}/").json()
    assert body["source"] == {"licence": "MIT", "attribution": "Someone"}


def test_no_source_shows_nothing(version, viewer):
    html = viewer.get(PAGE).content.decode()
    assert '<p class="source muted">' not in html
    assert viewer.get(f"/api/challenges/{SLUG}/").json()["source"] is None


@pytest.fixture
def package_json():
    content = read_package(CATALOGUE / SLUG).content()
    return {**content, "slug": "acme_order-total"}


def test_the_authoring_api_refuses_a_bad_source(author, package_json):
    package_json["source"] = {"url": "javascript:alert(1)", "licence": "MIT"}
    response = author.post(
        "/api/authoring/challenges/",
        {"organisation": "acme", "package": package_json},
        format="json",
    )
    assert response.status_code == 400
    assert response.json() == {
        "package": {"source": ["[source] url must be an http:// or https:// address"]}
    }


def test_the_authoring_api_keeps_a_source_and_returns_ignored_keys(author, package_json):
    package_json["source"] = {"url": "https://example.com/k", "licence": "CC-BY-4.0"}
    package_json["hnits"] = ["a typo"]
    package_json["cases"][0]["hnit"] = "a typo"
    response = author.post(
        "/api/authoring/challenges/",
        {"organisation": "acme", "package": package_json},
        format="json",
    )
    assert response.status_code == 201
    assert response.json()["warnings"] == [
        "package: unknown key 'hnits'; ignored",
        "cases: case 1: unknown key 'hnit'; ignored",
    ]
    version = Challenge.objects.get(slug="acme_order-total").versions.get()
    assert version.source == {"url": "https://example.com/k", "licence": "CC-BY-4.0"}
    detail = author.get("/api/authoring/challenges/acme_order-total/").json()
    assert detail["package"]["source"] == {
        "url": "https://example.com/k",
        "licence": "CC-BY-4.0",
    }
