"""The review room's pages: the queue, scoring one submission, and what the candidate then sees."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from submissions.models import Review, Submission
from tests.factories import UserFactory
from tests.submissions.reviewing import design_challenge, pending_answer

IDENTITY = ("cand-ada", "Ada Lovelace", "ada@example.org")


@pytest.fixture
def candidate_user(db):
    return UserFactory(username="cand-ada", display_name="Ada Lovelace", email="ada@example.org")


@pytest.fixture
def reviewer(client, db):
    user = UserFactory(username="rita", is_staff=True)
    client.force_login(user)
    return user


@pytest.fixture
def queue(candidate_user):
    challenge = design_challenge()
    other = design_challenge("load-design", title="Load design")
    return [
        pending_answer(candidate_user, challenge, days_ago=5),
        pending_answer(candidate_user, other, days_ago=1),
    ]


def test_the_queue_lists_what_waits_oldest_first_without_naming_anyone(client, reviewer, queue):
    response = client.get("/reviews/")
    assert response.status_code == 200
    html = response.content.decode()
    assert (
        '<p class="review-count" id="review-count"><strong>2</strong> waiting · 2 in all</p>'
        in html
    )
    first, second = queue
    assert html.index(f'href="/reviews/{first.pk}/">#{first.pk}</a>') < html.index(
        f'href="/reviews/{second.pk}/">#{second.pk}</a>'
    )
    assert f'id="start-reviewing" href="/reviews/{first.pk}/"' in html
    assert '<option value="cache-design">Cache design (1)</option>' in html
    assert '<option value="catalogue">Public catalogue (2)</option>' in html
    assert ">Reviews (2)</a>" in html
    for value in IDENTITY:
        assert value not in html


def test_the_queue_filters_and_carries_the_filters_into_each_review(client, reviewer, queue):
    html = client.get("/reviews/?challenge=load-design&order=newest").content.decode()
    assert "<strong>1</strong> waiting in this selection · 2 in all" in html
    assert f'href="/reviews/{queue[1].pk}/?challenge=load-design&amp;order=newest"' in html
    assert f'href="/reviews/{queue[0].pk}/' not in html
    old = client.get("/reviews/?older_than=3").content.decode()
    assert f'href="/reviews/{queue[0].pk}/?older_than=3"' in old
    assert f"/reviews/{queue[1].pk}/" not in old
    bad = client.get("/reviews/?older_than=soon").content.decode()
    assert "“Older than” is a whole number of days (0 to 3650)." in bad


def test_the_nav_link_is_only_for_reviewers(client, queue, candidate_user):
    client.force_login(candidate_user)
    html = client.get("/submissions/").content.decode()
    assert "Reviews (" not in html
    assert client.get("/reviews/").content.decode().count("Nothing waits for your review") == 1


def test_the_review_page_shows_question_answer_rubric_and_auto_graded_parts(
    client, reviewer, queue
):
    first, second = queue
    response = client.get(f"/reviews/{first.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>Review #{first.pk}: Cache design</h1>" in html
    assert '<div class="prose"><p>Do it.</p></div>' in html
    assert "How do you avoid a cache stampede?" in html
    assert '<div class="review-answer">Coalesce misses behind a lock.</div>' in html
    assert 'request coalescing or locking <span class="muted">(0\N{EN DASH}2)</span>' in html
    for value in (0, 1, 2):
        assert f'name="score-stampede-0" value="{value}">' in html
    assert 'name="score-stampede-0" value="3"' not in html
    assert 'name="score-stampede-1" value="1">' in html
    # The auto-graded parts, with their outcome.
    assert '<span class="case-status">Right</span>' in html
    assert '<p class="answer">400 MB</p>' in html
    assert '<span class="case-status">Wrong</span>' in html
    assert '<p class="answer">FIFO</p>' in html
    assert f'id="review-skip" href="/reviews/{second.pk}/"' in html
    assert "<kbd>s</kbd> skip" in html
    assert 'src="/static/frontend/build/review.js"' in html
    assert "<script>" not in html
    assert "style=" not in html
    for value in IDENTITY:
        assert value not in html


def test_scoring_saves_through_the_service_and_moves_to_the_next(client, reviewer, queue):
    first, second = queue
    response = client.post(
        f"/reviews/{first.pk}/",
        {"score-stampede-0": "2", "score-stampede-1": "0", "comment": "  Good locking.  "},
    )
    assert response.status_code == 302
    assert response.url == f"/reviews/{second.pk}/"
    first.refresh_from_db()
    assert (first.verdict, first.score) == ("wrong_answer", round(4 / 6, 4))
    review = Review.objects.get(submission=first)
    assert (review.reviewer, review.scores, review.comment) == (
        reviewer,
        {"stampede": [2, 0]},
        "Good locking.",
    )
    last = client.post(f"/reviews/{second.pk}/", {"score-stampede-0": "2", "score-stampede-1": "1"})
    assert last.url == "/reviews/"
    page = client.get(last.url).content.decode()
    assert f"Review of submission #{second.pk} saved." in page
    assert "That was the last one in this queue." in page
    assert "Reviews (0)" in page


def test_a_missing_score_rerenders_with_everything_kept(client, reviewer, queue):
    first, _ = queue
    response = client.post(
        f"/reviews/{first.pk}/", {"score-stampede-0": "1", "comment": "Half there <b>ok</b>"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert (
        "Score every criterion: How do you avoid a cache stampede?: "
        "early refresh or jittered TTLs." in html
    )
    assert 'name="score-stampede-0" value="1" checked>' in html
    assert ">Half there &lt;b&gt;ok&lt;/b&gt;</textarea>" in html
    assert Submission.objects.get(pk=first.pk).verdict == "pending_review"


def test_the_candidate_sees_scores_and_comment_but_not_the_reviewer(
    client, reviewer, queue, candidate_user
):
    first, _ = queue
    client.post(
        f"/reviews/{first.pk}/",
        {"score-stampede-0": "2", "score-stampede-1": "1", "comment": "Clear.\nAdd jitter."},
    )
    client.force_login(candidate_user)
    html = client.get(f"/submissions/{first.pk}/").content.decode()
    assert '<section class="review-feedback" id="review-feedback">' in html
    assert 'How do you avoid a cache stampede? <span class="muted">3 / 3 points</span>' in html
    assert "<tr><td>request coalescing or locking</td><td>2 / 2</td></tr>" in html
    assert "<tr><td>early refresh or jittered TTLs</td><td>1 / 1</td></tr>" in html
    assert '<p class="review-comment-text">Clear.\nAdd jitter.</p>' in html
    assert "rita" not in html
    # Before a review there is no such section.
    second_html = client.get(f"/submissions/{queue[1].pk}/").content.decode()
    assert "review-feedback" not in second_html


def test_the_queue_page_costs_the_same_however_long_the_queue(
    client, reviewer, queue, candidate_user, django_assert_max_num_queries
):
    with CaptureQueriesContext(connection) as two:
        client.get("/reviews/")
    for index in range(5):
        pending_answer(candidate_user, design_challenge(f"more-{index}"))
    with django_assert_max_num_queries(len(two.captured_queries)):
        html = client.get("/reviews/").content.decode()
    assert "<strong>7</strong> waiting" in html
