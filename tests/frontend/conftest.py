"""Fixtures of the page tests: a headless chromium page (for the tests marked browser)."""

import pytest
from django.db import connections

from tests.factories import UserFactory
from tests.frontend.browser import launch


@pytest.fixture
def ada(client, db):
    """A signed-in candidate (in the Django test client)."""
    user = UserFactory(username="ada")
    client.force_login(user)
    return user


@pytest.fixture
def browser_context(monkeypatch):
    # Playwright's sync API runs an event loop in this thread; the ORM calls the test makes
    # around it are synchronous and safe.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.set_default_timeout(60_000)
        yield context
        browser.close()
        # Playwright runs this test inside its own greenlet context, where Django opened its
        # own database connection: close it here, or it outlives the test database.
        connections.close_all()


@pytest.fixture
def page(browser_context):
    return browser_context.new_page()
