"""Drafts follow the candidate: typed on one device, there on another; reset forgets them."""

import pytest
from playwright.sync_api import expect

from submissions.models import Draft
from tests.factories import UserFactory
from tests.frontend.browser import editor_text, load_test_package, set_code, sign_in
from tests.jobs.helpers import seeded_rows_ensure

pytestmark = pytest.mark.browser
CODE = "class Wallet:\n    pass  # typed on the laptop\n"


def test_a_draft_typed_on_one_device_opens_on_another(
    transactional_db, browser_context, live_server
):
    seeded_rows_ensure()
    challenge = load_test_package("wallet-holds")
    UserFactory(username="ada")
    path = f"/challenges/{challenge.slug}/"

    laptop = browser_context.new_page()
    sign_in(laptop, live_server, path)
    set_code(laptop, CODE)
    expect(laptop.locator("#draft-status")).to_have_text("Draft saved.")
    assert Draft.objects.get().text == CODE

    phone = browser_context.browser.new_context(viewport={"width": 390, "height": 844})
    page = phone.new_page()
    sign_in(page, live_server, path)
    page.locator("#workspace[data-editor=ready]").wait_for()
    assert editor_text(page) == CODE

    # Back to the starter code on the phone: the latest edit wins, on every device.
    starter = page.locator("#starter-code").evaluate("node => node.content.textContent")
    page.on("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Reset to starter").click()
    expect(page.locator("#draft-status")).to_have_text("Draft saved.")
    assert Draft.objects.get().text == starter
    phone.close()
    laptop.reload()
    laptop.locator("#workspace[data-editor=ready]").wait_for()
    assert editor_text(laptop) == starter
