"""Attacks on the review room: odd scores, other organisations, replays, CSRF and markup."""

from __future__ import annotations

import pytest
from django.test import Client
from rest_framework.test import APIClient

from organisations.models import Membership, Organisation
from submissions.models import Review, Submission
from tests.factories import UserFactory
from tests.submissions.reviewing import design_challenge, pending_answer

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture
def candidate_user(db):
    return UserFactory(username="cand")


@pytest.fixture
def staff(db):
    return UserFactory(username="rita", is_staff=True)


@pytest.fixture
def pending(candidate_user):
    return pending_answer(candidate_user, design_challenge())


def page_client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def api_client(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def assert_untouched(submission: Submission) -> None:
    submission.refresh_from_db()
    assert submission.verdict == "pending_review"
    assert not Review.objects.filter(submission=submission).exists()


@pytest.mark.parametrize(
    ("first", "message"),
    [
        ("3", "Not saved: stampede: &#x27;request coalescing or locking&#x27; is worth 0 to 2."),
        ("99999", "Score every criterion: How do you avoid a cache stampede?: request coalescing"),
        ("-1", "Score every criterion: How do you avoid a cache stampede?: request coalescing"),
        ("1.5", "Score every criterion: How do you avoid a cache stampede?: request coalescing"),
        ("٢", "Score every criterion: How do you avoid a cache stampede?: request coalescing"),
        (
            "9" * 5000,
            "Score every criterion: How do you avoid a cache stampede?: request coalescing",
        ),
    ],
)
def test_page_scores_out_of_range_are_refused(staff, pending, first, message):
    response = page_client(staff).post(
        f"/reviews/{pending.pk}/", {"score-stampede-0": first, "score-stampede-1": "1"}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert_untouched(pending)


@pytest.mark.parametrize(
    ("scores", "message"),
    [
        ({"stampede": [2, 2]}, "stampede: 'early refresh or jittered TTLs' is worth 0 to 1"),
        ({"stampede": [2, 1], "eviction": [1]}, "score exactly these questions: ['stampede']"),
        ({"stampede": [2, 1, 0]}, "stampede: give one score per rubric criterion (2)"),
    ],
)
def test_api_scores_that_dont_fit_the_rubric_are_refused(staff, pending, scores, message):
    response = api_client(staff).post(
        f"/api/reviews/{pending.pk}/", {"scores": scores}, format="json"
    )
    assert (response.status_code, response.json()) == (400, {"scores": [message]})
    assert_untouched(pending)


@pytest.mark.parametrize("given", [[-1, 0], [True, 0], [10**30, 0], [[2], 1], [None, 1], [2.5, 1]])
def test_api_scores_of_the_wrong_type_are_refused(staff, pending, given):
    response = api_client(staff).post(
        f"/api/reviews/{pending.pk}/", {"scores": {"stampede": given}}, format="json"
    )
    assert response.status_code == 400
    assert_untouched(pending)


def test_another_organisations_submission_is_out_of_reach(candidate_user):
    acme = Organisation.objects.create(slug="acme", name="Acme")
    globex = Organisation.objects.create(slug="globex", name="Globex")
    intruder = UserFactory(username="globex-rev", role="employer")
    Membership.objects.create(organisation=globex, user=intruder, role="reviewer")
    staff = UserFactory(username="root", is_staff=True)  # staff don't review organisations
    target = pending_answer(candidate_user, design_challenge("acme_q", organisation=acme))
    for user in (intruder, staff):
        client = page_client(user)
        assert client.get(f"/reviews/{target.pk}/").status_code == 404
        posted = client.post(
            f"/reviews/{target.pk}/", {"score-stampede-0": "2", "score-stampede-1": "1"}
        )
        assert posted.status_code == 404
        assert f"/reviews/{target.pk}/" not in client.get("/reviews/").content.decode()
        api = api_client(user)
        assert api.get("/api/reviews/?organisation=acme").json()["count"] == 0
        refused = api.post(
            f"/api/reviews/{target.pk}/", {"scores": {"stampede": [2, 1]}}, format="json"
        )
        assert refused.status_code == 404
    assert_untouched(target)


def test_a_reviewer_cant_score_their_own_answer_on_the_page(staff):
    own = pending_answer(staff, design_challenge())
    client = page_client(staff)
    assert client.get(f"/reviews/{own.pk}/").status_code == 404
    posted = client.post(f"/reviews/{own.pk}/", {"score-stampede-0": "2", "score-stampede-1": "1"})
    assert posted.status_code == 404
    assert_untouched(own)


def test_a_replayed_review_changes_nothing(staff, pending):
    client = page_client(staff)
    form = {"score-stampede-0": "0", "score-stampede-1": "0", "comment": "first"}
    assert client.post(f"/reviews/{pending.pk}/", form).status_code == 302
    replay = {"score-stampede-0": "2", "score-stampede-1": "1", "comment": "second"}
    replayed = client.post(f"/reviews/{pending.pk}/", replay, follow=True)
    assert replayed.redirect_chain == [("/reviews/", 302)]
    assert f"Submission #{pending.pk} has already been reviewed." in replayed.content.decode()
    again = api_client(staff).post(
        f"/api/reviews/{pending.pk}/", {"scores": {"stampede": [2, 1]}}, format="json"
    )
    assert again.status_code == 404
    pending.refresh_from_db()
    assert pending.verdict == "wrong_answer"
    assert list(Review.objects.values_list("scores", "comment")) == [
        ({"stampede": [0, 0]}, "first")
    ]


def test_a_forged_cross_site_post_is_refused(staff, pending):
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff)
    response = client.post(
        f"/reviews/{pending.pk}/", {"score-stampede-0": "2", "score-stampede-1": "1"}
    )
    assert response.status_code == 403
    assert_untouched(pending)


def test_a_too_long_comment_is_refused_everywhere(staff, pending):
    long = "x" * 5001
    page = page_client(staff).post(
        f"/reviews/{pending.pk}/",
        {"score-stampede-0": "2", "score-stampede-1": "1", "comment": long},
    )
    assert page.status_code == 400
    assert "The comment is limited to 5000 characters." in page.content.decode()
    api = api_client(staff).post(
        f"/api/reviews/{pending.pk}/",
        {"scores": {"stampede": [2, 1]}, "comment": long},
        format="json",
    )
    assert api.status_code == 400
    assert api.json() == {"comment": ["Ensure this field has no more than 5000 characters."]}
    assert_untouched(pending)


def test_markup_in_answers_and_comments_stays_text(staff, candidate_user):
    submission = pending_answer(
        candidate_user, design_challenge(), answers={"stampede": XSS, "eviction": 1}
    )
    reviewer = page_client(staff)
    review_html = reviewer.get(f"/reviews/{submission.pk}/").content.decode()
    assert XSS not in review_html
    assert (
        '<div class="review-answer">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'
        "&lt;img src=x onerror=alert(1)&gt;</div>" in review_html
    )
    saved = reviewer.post(
        f"/reviews/{submission.pk}/",
        {"score-stampede-0": "1", "score-stampede-1": "0", "comment": XSS},
    )
    assert saved.status_code == 302
    candidate_html = page_client(candidate_user).get(f"/submissions/{submission.pk}/")
    text = candidate_html.content.decode()
    assert XSS not in text
    assert (
        '<p class="review-comment-text">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'
        "&lt;img src=x onerror=alert(1)&gt;</p>" in text
    )


def test_unknown_form_fields_are_ignored_not_scored(staff, pending):
    response = page_client(staff).post(
        f"/reviews/{pending.pk}/",
        {
            "score-stampede-0": "2",
            "score-stampede-1": "1",
            "score-eviction-0": "1",
            "score-hot-set-0": "5",
        },
    )
    assert response.status_code == 302
    assert Review.objects.get(submission=pending).scores == {"stampede": [2, 1]}
