"""The studio's live preview in a real browser: an unclosed raw-HTML tag is shown as text, the
Markdown after it still renders, and the author sees the warning until the text is fixed."""

import pytest
from playwright.sync_api import expect

from tests.factories import UserFactory
from tests.frontend.browser import PASSWORD

pytestmark = [pytest.mark.browser]


def test_the_preview_warns_about_an_unclosed_tag_until_it_is_fixed(page, live_server):
    url = live_server.url
    UserFactory(username="editor", is_staff=True)
    page.goto(f"{url}/accounts/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"{url}/studio/")
    page.get_by_label("Title").fill("Markdown warnings")
    page.get_by_label("Slug").fill("markdown-warnings")
    page.get_by_role("button", name="Create from template").click()
    page.wait_for_url(f"{url}/studio/c/markdown-warnings/")

    statement = page.get_by_label("statement.md", exact=True)
    preview = page.get_by_label("Preview of statement.md")
    warnings = page.get_by_label("Markdown warnings for statement.md")
    statement.fill("Intro\n\n<details>\n\nUse `SELECT 1` here.\n")
    # The template's statement is previewed first: wait for this text's warning, then look.
    expect(warnings.locator("li")).to_have_text(["line 3: <details> is not allowed; shown as text"])
    expect(warnings).to_be_visible()
    expect(preview.locator("code")).to_have_text("SELECT 1")
    expect(preview.locator("p").nth(1)).to_have_text("<details>")
    expect(preview.locator("details")).to_have_count(0)

    statement.fill("Intro\n\nPress <kbd>Esc</kbd> and use `SELECT 1`.\n")
    expect(preview.locator("kbd")).to_have_text("Esc")
    expect(warnings).to_be_hidden()
    expect(warnings.locator("li")).to_have_count(0)
