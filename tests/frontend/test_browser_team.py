"""Teams in a real browser: an owner invites a reviewer, the emailed link is opened by someone
new who signs up with that address and joins, and the owner sees them on the team."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from organisations.models import Membership, Organisation
from tests.factories import UserFactory
from tests.frontend.browser import PASSWORD, photograph

pytestmark = pytest.mark.browser


def sign_in(page, url: str, username: str) -> None:
    page.goto(f"{url}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_owner_invites_a_reviewer_who_signs_up_and_joins(page, live_server):
    url = live_server.url
    initech = Organisation.objects.create(slug="initech", name="Initech")
    grace = UserFactory(username="grace", email="grace@example.com", role="employer")
    Membership.objects.create(organisation=initech, user=grace, role="owner")

    sign_in(page, url, "grace")
    page.wait_for_url(f"{url}/employer/")
    page.get_by_role("link", name="Team").click()
    expect(page.get_by_role("heading", name="Initech's team")).to_be_visible()
    page.get_by_label("Email").fill("linus@example.com")
    expect(page.get_by_label("Role")).to_have_value("reviewer")
    page.get_by_role("button", name="Send invitation").click()
    expect(page.get_by_text("Invitation sent to linus@example.com as reviewer.")).to_be_visible()
    expect(page.locator(".team-invitations")).to_contain_text("linus@example.com")
    photograph(page, "team")
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(f"{url}/")

    (sent,) = mail.outbox
    assert sent.to == ["linus@example.com"]
    link = re.search(r"http://\S+/team/invitations/[A-Za-z0-9_-]+/", sent.body).group(0)
    page.goto(link)
    expect(page.get_by_role("heading", name="Join Initech")).to_be_visible()
    page.get_by_role("link", name="Create an account").click()
    expect(page.get_by_label("Email")).to_have_value("linus@example.com")
    page.get_by_label("Username").fill("linus")
    page.get_by_label("Password").fill("a-long-unusual-passphrase")
    page.get_by_role("button", name="Sign up").click()
    page.wait_for_url(link)
    page.get_by_role("button", name="Join Initech as reviewer").click()
    expect(page.get_by_text("You joined Initech as reviewer.")).to_be_visible()
    expect(page.locator(".team-members")).to_contain_text("linus")
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(f"{url}/")

    sign_in(page, url, "grace")
    page.wait_for_url(f"{url}/employer/")
    page.get_by_role("link", name="Team").click()
    row = page.locator(".team-members tbody tr", has_text="linus@example.com")
    expect(row).to_contain_text("Reviewer")
    expect(page.locator(".team-invitations")).to_contain_text("None pending.")
