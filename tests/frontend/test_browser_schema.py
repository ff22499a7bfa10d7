"""A schema (data modelling) challenge end to end in a real browser: the example's steps, a
wrong schema's per-step results, then the reference accepted."""

import pytest
from playwright.sync_api import expect

from tests.factories import UserFactory
from tests.frontend.browser import (
    ARTIFACTS,
    PACKAGES,
    load_test_package,
    set_code,
    sign_in,
    wait_for_verdict,
)

pytestmark = [pytest.mark.docker, pytest.mark.browser]


def test_schema_challenge_shows_steps_then_accepts_the_reference(page, live_server, worker_process):
    UserFactory(username="ada")
    load_test_package("coupon-redemptions")
    sign_in(page, live_server, "/challenges/coupon-redemptions/")
    expect(
        page.get_by_role("textbox", name="Your schema (SQL DDL, SQLite dialect)")
    ).to_be_visible()
    # The example lists its steps in order, with the expected result of the query.
    example = page.locator(".example .schema-step")
    assert example.count() == 4
    assert example.nth(2).locator(".step-kind").inner_text() == "Must be refused by CHECK"
    assert "VALUES ('FREE', 0)" in example.nth(2).locator("pre").inner_text()
    assert example.nth(3).locator("tbody tr").all_inner_texts() == ["501", "502"]

    # The starter has no constraints: the 0% coupon is accepted, and the step says so.
    page.get_by_role("button", name="Run").click()
    assert wait_for_verdict(page) == "Wrong answer"
    steps = page.locator("#result .schema-step")
    assert steps.count() == 4
    assert steps.nth(2).get_attribute("class") == "schema-step fail"
    assert steps.nth(2).locator(".step-detail").inner_text() == "accepted, but it must be refused"
    assert steps.nth(0).locator(".step-detail").inner_text() == "accepted"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "schema-wrong-answer.png"), full_page=True)

    # A query that fails on the candidate's schema shows both tables.
    set_code(
        page,
        "CREATE TABLE coupons (code TEXT PRIMARY KEY, percent INTEGER NOT NULL "
        "CHECK (percent BETWEEN 1 AND 100));\n"
        "CREATE TABLE redemptions (id INTEGER PRIMARY KEY, coupon_code TEXT, order_id INTEGER,"
        " CHECK (order_id < 502));",
    )
    page.get_by_role("button", name="Run").click()
    assert wait_for_verdict(page) == "Wrong answer"
    assert page.locator("#result .schema-step").nth(1).locator(".step-detail").inner_text() == (
        "refused: IntegrityError: CHECK constraint failed: order_id < 502"
    )
    query = page.locator("#result .schema-step").nth(3)
    assert query.locator(".step-detail").inner_text() == "2 row(s) missing, 0 extra"
    assert query.locator(".io.two > div").nth(0).locator("tbody tr").all_inner_texts() == [
        "501",
        "502",
    ]

    set_code(page, (PACKAGES / "coupon-redemptions" / "solution.sql").read_text())
    page.get_by_role("button", name="Submit").click()
    assert wait_for_verdict(page, "accepted") == "Accepted"
    assert "4 / 4 cases passed" in page.locator("#result").inner_text()
