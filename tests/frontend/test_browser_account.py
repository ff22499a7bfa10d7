"""The account page, a visitor's browsing and dark mode in a real browser."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from accounts.models import User
from challenges.packages import read_package
from challenges.services import challenge_import_package
from tests.conftest import CATALOGUE
from tests.factories import UserFactory
from tests.frontend.browser import PASSWORD, photograph, sign_in
from tests.jobs.helpers import seeded_rows_ensure

pytestmark = pytest.mark.browser

NEW_PASSWORD = "a-fresh-long-passphrase"


@pytest.fixture
def shop(live_server):
    """The shipped order-total challenge, after restoring the seeded skills (a live-server
    test's flush empties them)."""
    seeded_rows_ensure()
    return challenge_import_package(package=read_package(CATALOGUE / "order-total")).challenge


def test_change_password_sign_in_again_export_and_delete(page, live_server, tmp_path):
    UserFactory(username="ada", email="ada@example.com")
    url = live_server.url
    sign_in(page, live_server, "/account/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your account")
    photograph(page, "account")

    # Change the password: the page keeps us signed in and says so.
    password_form = page.locator("#password-form")
    password_form.get_by_label("Current password").fill(PASSWORD)
    password_form.get_by_label("New password").fill(NEW_PASSWORD)
    password_form.get_by_role("button", name="Change password").click()
    expect(page.locator(".flash")).to_contain_text("Your password is changed.")

    # Sign out, then in again with the new password.
    page.get_by_role("button", name="Sign out").click()
    page.goto(f"{url}/accounts/login/?next=/account/")
    page.get_by_label("Username").fill("ada")
    page.get_by_label("Password").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{url}/account/")

    # Export: one JSON file.
    with page.expect_download() as download_info:
        page.locator("#export-link").click()
    download = download_info.value
    assert download.suggested_filename == f"account-{User.objects.get().pk}-export.json"
    target = tmp_path / "export.json"
    download.save_as(target)
    data = json.loads(target.read_text())
    assert (data["profile"]["username"], data["profile"]["email"]) == ("ada", "ada@example.com")

    # Delete: confirmed by the password; signed out and told so.
    delete_form = page.locator("#delete-form")
    delete_form.get_by_label("Your password").fill(NEW_PASSWORD)
    delete_form.get_by_role("button", name="Delete my account").click()
    expect(page.locator(".flash")).to_have_text("Your account and all its data are deleted.")
    expect(
        page.get_by_role("navigation", name="Main").get_by_role("link", name="Sign in")
    ).to_be_visible()
    assert not User.objects.filter(username="ada").exists()


def test_a_visitor_browses_and_opens_a_statement(page, live_server, shop):
    url = live_server.url
    page.goto(f"{url}/challenges/")
    expect(page.locator("#visitor-notice")).to_be_visible()
    page.get_by_label("Sort by").select_option("most_solved")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url(f"{url}/challenges/?**sort=most_solved**")
    page.get_by_role("link", name="Checkout total with a coupon").click()
    page.wait_for_url(f"{url}/challenges/order-total/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Checkout total with a coupon")
    expect(page.get_by_role("heading", name="Examples")).to_be_visible()
    expect(page.get_by_role("button", name="Run")).to_have_count(0)
    page.get_by_role("link", name="Sign in to run").click()
    page.wait_for_url(f"{url}/accounts/login/?next=/challenges/order-total/")


def background(page, selector: str) -> str:
    return page.locator(selector).first.evaluate("el => getComputedStyle(el).backgroundColor")


@pytest.mark.parametrize(
    ("scheme", "body", "editor"),
    [
        # --bg, and One Dark darkened a little for contrast (frontend/src/editor.js)
        ("dark", "rgb(15, 18, 24)", "rgb(33, 37, 43)"),
        ("light", "rgb(246, 247, 249)", "rgb(255, 255, 255)"),
    ],
)
def test_the_theme_follows_the_system(browser_context, live_server, shop, scheme, body, editor):
    UserFactory(username="ada")
    context = browser_context.browser.new_context(
        viewport={"width": 1280, "height": 900}, color_scheme=scheme
    )
    context.set_default_timeout(60_000)
    page = context.new_page()
    sign_in(page, live_server, "/challenges/order-total/")
    page.locator("#workspace[data-editor=ready]").wait_for()
    assert background(page, "body") == body
    assert background(page, ".cm-editor") == editor
    photograph(page, f"challenge-{scheme}", full_page=False)
    context.close()
