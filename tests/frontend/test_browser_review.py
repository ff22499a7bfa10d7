"""The review room in a real browser: a reviewer scores a queue of two by keyboard alone, and
the candidate then reads the scores and the comment on their submission page."""

import re

import pytest
from playwright.sync_api import expect

from submissions.models import Review
from tests.factories import UserFactory
from tests.frontend.browser import PASSWORD, photograph
from tests.submissions.reviewing import design_challenge, pending_answer

pytestmark = pytest.mark.browser


def sign_in(page, url: str, username: str) -> None:
    page.goto(f"{url}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text("Signed in as")).to_be_visible()


def current_criterion(page):
    return page.locator("fieldset.criterion.is-current legend")


def test_a_reviewer_scores_a_queue_by_keyboard_and_the_candidate_reads_it(page, live_server):
    url = live_server.url
    candidate = UserFactory(username="cand-ada", display_name="Ada Lovelace")
    UserFactory(username="rita", is_staff=True)
    first = pending_answer(candidate, design_challenge(), days_ago=2)
    second = pending_answer(
        candidate, design_challenge("load-design", title="Load design"), days_ago=1
    )

    sign_in(page, url, "rita")
    expect(page.get_by_role("link", name="Reviews (2)")).to_be_visible()
    page.goto(f"{url}/reviews/")
    expect(page.locator("#review-count")).to_have_text("2 waiting · 2 in all")
    photograph(page, "review-queue")
    page.get_by_role("link", name="Start reviewing").focus()
    page.keyboard.press("Enter")

    # The oldest first; skip it with "s".
    page.wait_for_url(f"{url}/reviews/{first.pk}/")
    expect(page.locator("#review-form[data-keyboard=ready]")).to_be_attached()
    expect(page.get_by_text("Ada Lovelace")).to_have_count(0)
    expect(page.get_by_text("cand-ada")).to_have_count(0)
    page.keyboard.press("s")

    # The second: digits score and move on, "c" writes the comment, Ctrl+Enter submits.
    page.wait_for_url(f"{url}/reviews/{second.pk}/")
    expect(page.locator("#review-form[data-keyboard=ready]")).to_be_attached()
    expect(current_criterion(page)).to_contain_text("request coalescing or locking")
    photograph(page, "review-scoring")
    page.keyboard.press("2")
    expect(current_criterion(page)).to_contain_text("early refresh or jittered TTLs")
    page.keyboard.press("1")
    page.keyboard.press("c")
    expect(page.locator("#review-comment")).to_be_focused()
    page.keyboard.type("Both parts, well argued.")
    page.keyboard.press("Control+Enter")

    # That was the end of the queue: back to it, the skipped one still waiting.
    page.wait_for_url(f"{url}/reviews/")
    expect(page.get_by_text("That was the last one in this queue.")).to_be_visible()
    expect(page.locator("#review-count")).to_have_text("1 waiting · 1 in all")
    expect(page.get_by_role("link", name="Reviews (1)")).to_be_visible()
    page.get_by_role("link", name="Start reviewing").focus()
    page.keyboard.press("Enter")

    # j/k (and the arrows) move between criteria; a digit above a criterion's points is ignored.
    page.wait_for_url(f"{url}/reviews/{first.pk}/")
    expect(page.locator("#review-form[data-keyboard=ready]")).to_be_attached()
    page.keyboard.press("j")
    expect(current_criterion(page)).to_contain_text("early refresh or jittered TTLs")
    page.keyboard.press("7")
    expect(page.locator("fieldset.criterion.is-current input:checked")).to_have_count(0)
    page.keyboard.press("0")
    page.keyboard.press("k")
    expect(current_criterion(page)).to_contain_text("request coalescing or locking")
    page.keyboard.press("ArrowDown")
    expect(current_criterion(page)).to_contain_text("early refresh or jittered TTLs")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("1")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{url}/reviews/")
    expect(page.get_by_text("Nothing waits for your review.")).to_be_visible()

    reviews = {
        review.submission_id: (review.scores, review.comment) for review in Review.objects.all()
    }
    assert reviews == {
        second.pk: ({"stampede": [2, 1]}, "Both parts, well argued."),
        first.pk: ({"stampede": [1, 0]}, ""),
    }

    # The candidate reads the review on their submission page, without the reviewer's name.
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(f"{url}/")
    sign_in(page, url, "cand-ada")
    expect(page.get_by_role("link", name=re.compile(r"^Reviews"))).to_have_count(0)
    page.goto(f"{url}/submissions/{second.pk}/")
    feedback = page.locator("#review-feedback")
    expect(feedback.get_by_role("heading", name="Review", exact=True)).to_be_visible()
    rows = feedback.locator("tbody tr")
    expect(rows).to_have_text(
        [
            re.compile(r"request coalescing or locking\s*2 / 2"),
            re.compile(r"early refresh or jittered TTLs\s*1 / 1"),
        ]
    )
    expect(feedback.locator(".review-comment-text")).to_have_text("Both parts, well argued.")
    expect(page.get_by_text("rita")).to_have_count(0)
    photograph(page, "submission-review")
