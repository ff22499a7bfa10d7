"""The challenge-detail selector, which the API and the challenge page both render."""

import pytest
from django.contrib.auth.models import AnonymousUser

from challenges.models import Challenge, TestCase
from challenges.queries import challenge_detail
from tests.factories import UserFactory
from tests.submissions.test_progress import make_challenge


def test_detail_of_a_code_challenge(candidate, order_total):
    version = order_total.current_version
    detail = challenge_detail(user=candidate, slug="order-total")
    examples = version.cases.filter(visibility=TestCase.Visibility.EXAMPLE).order_by("ordinal")
    assert (detail.challenge, detail.version, detail.kind.name) == (order_total, version, "python")
    assert detail.examples == list(examples)
    assert detail.hidden_case_count == version.cases.count() - examples.count() > 0
    assert detail.kind_fields == {"sql_schema": None, "questions": None}
    # Hint texts are shown only once opened (readiness.assists records the opening).
    assert (detail.hints, detail.hints_total) == ([], len(version.hints)) == ([], 3)
    assert (detail.solved, detail.editorial_html) == (False, None)


def test_opened_hints_and_the_opened_editorial_are_shown(candidate, order_total):
    from readiness.services import assist_event_record

    version = order_total.current_version
    assist_event_record(user_id=candidate.pk, challenge_id=order_total.pk, kind="hint", index=0)
    assist_event_record(user_id=candidate.pk, challenge_id=order_total.pk, kind="editorial")
    detail = challenge_detail(user=candidate, slug="order-total")
    assert detail.hints == version.hints[:1]
    assert (detail.solved, detail.editorial_html) == (False, version.editorial_html)
    other = challenge_detail(user=UserFactory(username="bob"), slug="order-total")
    assert (other.hints, other.editorial_html) == ([], None)


def test_the_editorial_comes_with_solving(candidate, order_total):
    from submissions.models import Submission

    Submission.objects.create(
        user=candidate,
        version=order_total.current_version,
        mode="submit",
        status="done",
        verdict="accepted",
        passed=True,
    )
    detail = challenge_detail(user=candidate, slug="order-total")
    assert detail.solved is True
    assert detail.editorial_html == order_total.current_version.editorial_html != ""
    other = challenge_detail(user=UserFactory(username="bob"), slug="order-total")
    assert (other.solved, other.editorial_html) == (False, None)


def test_unpublished_and_unknown_slugs_are_not_found(db):
    make_challenge("draft", title="Draft", published=False)
    for slug in ("draft", "no-such-challenge"):
        with pytest.raises(Challenge.DoesNotExist):
            challenge_detail(user=AnonymousUser(), slug=slug)
