"""The "Share my readiness" page: create, list and revoke links from the browser's forms."""

import re

import pytest

from readiness.models import PublicReport
from readiness.reports import report_create, report_revoke
from tests.factories import UserFactory
from tests.readiness.reporting import practised_candidate

pytestmark = pytest.mark.django_db
SHARE = "/readiness/share/"


def test_signing_in_is_required(client):
    response = client.get(SHARE)
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={SHARE}"


def test_the_nav_links_candidates_to_the_page(client):
    client.force_login(UserFactory(username="ada"))
    html = client.get("/dashboard/").content.decode()
    assert f'<a href="{SHARE}">Share</a>' in html
    assert f'<p class="share-readiness"><a href="{SHARE}">Share my readiness</a>:' in html
    page = client.get(SHARE).content.decode()
    assert f'<a href="{SHARE}" aria-current="page">Share</a>' in page


def test_employers_have_nothing_to_share(client):
    client.force_login(UserFactory(username="boss", role="employer"))
    assert f'href="{SHARE}"' not in client.get("/challenges/").content.decode()
    response = client.get(SHARE)
    assert response.status_code == 403
    assert "Only candidates have a readiness report to share." in response.content.decode()
    response = client.post(SHARE, {"action": "create", "display_name": "Boss"})
    assert response.status_code == 403
    assert PublicReport.objects.count() == 0


def test_a_candidate_creates_a_link_and_sees_it_listed(client):
    ada = UserFactory(username="ada")
    client.force_login(ada)
    empty = client.get(SHARE).content.decode()
    assert "No links yet." in empty
    assert "0 of 10 links active." in empty

    response = client.post(SHARE, {"action": "create", "display_name": "Ada Lovelace"})

    assert response.status_code == 302
    assert response["Location"] == f"{SHARE}#links"
    report = PublicReport.objects.get(user=ada)
    html = client.get(SHARE).content.decode()
    url = f"http://testserver/r/{report.token}/"
    assert f'<a href="{url}" class="share-url">{url}</a>' in html
    assert f'href="http://testserver/r/{report.token}.json"' in html
    assert "1 of 10 links active." in html
    assert 'value="Ada Lovelace"' in html
    ada.refresh_from_db()
    assert ada.display_name == "Ada Lovelace"


def test_a_candidate_revokes_a_link_from_the_page(client):
    ada = practised_candidate()
    report = report_create(user=ada)
    client.force_login(ada)
    assert client.get(f"/r/{report.token}/").status_code == 200

    response = client.post(SHARE, {"action": "revoke", "report": str(report.pk)})

    assert response.status_code == 302
    assert client.get(f"/r/{report.token}/").status_code == 404
    html = client.get(SHARE).content.decode()
    assert "Revoked" in html
    assert report.token not in html
    assert "0 of 10 links active." in html


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"action": "create", "display_name": ""}, "Enter the name your report should show."),
        ({"action": "revoke", "report": "abc"}, "That link is not one of yours."),
        ({"action": "explode"}, "Unknown action."),
    ],
)
def test_bad_posts_say_what_is_wrong(client, data, message):
    client.force_login(UserFactory(username="ada"))
    response = client.post(SHARE, data)
    assert response.status_code == 400
    assert f'<p class="error" role="alert">{message}</p>' in response.content.decode()
    assert PublicReport.objects.count() == 0


def test_the_cap_is_explained_on_the_page(client):
    ada = UserFactory(username="ada", display_name="Ada")
    for _ in range(10):
        report_create(user=ada)
    client.force_login(ada)

    response = client.post(SHARE, {"action": "create", "display_name": "Ada"})

    assert response.status_code == 400
    assert "You have 10 active links, the most allowed: revoke one first." in (
        response.content.decode()
    )
    assert PublicReport.objects.count() == 10


def test_the_public_page_explains_how_to_verify(client):
    ada = practised_candidate()
    report = report_create(user=ada)

    html = client.get(f"/r/{report.token}/").content.decode()

    assert '<h2 id="verify-heading">Verify this report</h2>' in html
    assert "docs/examples/verify_report.py" in html
    assert "<h3>Money &amp; correctness</h3>" in html
    assert 'rel="nofollow">Ledger rounding</a>' in html
    assert "2 challenges from the public catalogue behind these scores." in html
    assert "<td>50%</td>" in html
    assert "<td>100%</td>" in html
    assert re.search(
        r'Issued <time datetime="[0-9T:-]+Z">\d{1,2} \w+ \d{4}, \d\d:\d\d UTC</time>', html
    )


def test_the_page_lists_active_links_then_the_ten_latest_revoked(client):
    ada = UserFactory(username="ada", display_name="Ada")
    revoked = []
    for _ in range(12):
        revoked.append(report_create(user=ada))
        report_revoke(user=ada, report_id=revoked[-1].pk)
    active = report_create(user=ada)
    client.force_login(ada)

    html = client.get(SHARE).content.decode()

    shown = [int(pk) for pk in re.findall(r'data-report="(\d+)"', html)]
    assert shown == [active.pk, *[r.pk for r in reversed(revoked)][:10]]
