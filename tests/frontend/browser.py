"""Helpers for the real-browser tests: launching Debian's chromium, driving the editor."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(settings.BASE_DIR) / "var" / "test-artifacts"
PACKAGES = Path(__file__).parent.parent / "challenges" / "packages"
PASSWORD = "correct-horse-battery"  # the factories' password
# Where photographs of pages go: docs/screenshots/ under `make screenshots`, else artifacts.
SCREENSHOTS = Path(os.environ.get("SCREENSHOTS_DIR") or ARTIFACTS / "screenshots")


def photograph(page, name: str, *, full_page: bool = True) -> None:
    """Keep a picture of the page as SCREENSHOTS/<name>.png (the README shows docs/screenshots)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(
        path=str(SCREENSHOTS / f"{name}.png"), full_page=full_page, animations="disabled"
    )


def launch(playwright):
    return playwright.chromium.launch(
        executable_path=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"),
        args=CHROMIUM_ARGS,
        headless=True,
    )


def set_code(page, code: str) -> None:
    """Replace the editor's text the way a paste does (typing would trigger auto-indent)."""
    page.locator("#workspace[data-editor=ready]").wait_for()
    page.locator(".cm-content").click()
    page.keyboard.press("Control+A")
    page.keyboard.insert_text(code)
    assert editor_text(page) == code


def editor_text(page) -> str:
    # The hidden textarea mirrors the editor (it is what a form would post).
    return page.locator("#code").input_value()


def sign_in(page, live_server, next_path: str, username: str = "ada") -> None:
    # Straight to the sign-in page: catalogue and challenge pages no longer redirect visitors.
    page.goto(f"{live_server.url}/accounts/login/?{urlencode({'next': next_path})}")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}{next_path}")


def load_test_package(name: str):
    from challenges.packages import read_package
    from challenges.services import challenge_import_package

    return challenge_import_package(package=read_package(PACKAGES / name)).challenge


def wait_for_verdict(page, verdict: str | None = None) -> str:
    """The verdict of the submission just sent, once it is final."""
    selector = f'#verdict[data-verdict="{verdict}"]' if verdict else "#verdict"
    page.locator(selector).wait_for()
    return page.locator("#verdict").inner_text()
