"""Authoring in the Django admin: preview, drafts, validate now, publish, frozen versions."""

import pytest

from challenges.models import Challenge, ChallengeVersion
from tests.factories import UserFactory


@pytest.fixture
def staff_client(client, db):
    client.force_login(UserFactory(username="editor", is_staff=True, is_superuser=True))
    return client


def action(client, name, challenge):
    return client.post(
        "/admin/challenges/challenge/",
        {"action": name, "_selected_action": [challenge.pk]},
        follow=True,
    )


def test_draft_copies_the_latest_version_and_is_editable(staff_client, order_total):
    response = action(staff_client, "draft_new_version", order_total)
    assert "Created draft v2 of order-total" in response.content.decode()
    draft = ChallengeVersion.objects.get(challenge=order_total, number=2)
    assert draft.cases.count() == 12
    assert draft.validation_ok is None
    page = staff_client.get(f"/admin/challenges/challengeversion/{draft.pk}/change/")
    assert page.status_code == 200
    assert "Statement preview (sanitised)" in page.content.decode()
    assert '<div class="statement-preview"><p>Our shop' in page.content.decode()
    assert 'name="_save"' in page.content.decode()


def test_the_published_version_is_read_only(staff_client, order_total):
    version = order_total.current_version
    page = staff_client.get(f"/admin/challenges/challengeversion/{version.pk}/change/")
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    response = staff_client.post(
        f"/admin/challenges/challengeversion/{version.pk}/change/", {"statement_md": "x"}
    )
    assert response.status_code == 403


def test_editing_a_draft_re_renders_and_resets_validation(staff_client, order_total):
    action(staff_client, "draft_new_version", order_total)
    draft = ChallengeVersion.objects.get(challenge=order_total, number=2)
    ChallengeVersion.objects.filter(pk=draft.pk).update(validation_ok=True)
    form = {
        "statement_md": "# New statement <script>alert(1)</script>",
        "starter_code": draft.starter_code,
        "reference_solution": draft.reference_solution,
        "config": '{"entrypoint": "order_total", "comparator": "exact", "time_limit_s": 2}',
        "hints": "[]",
        "mutants": "[]",
        "editorial_md": "",
        "cases-TOTAL_FORMS": "0",
        "cases-INITIAL_FORMS": "0",
        "cases-MIN_NUM_FORMS": "0",
        "cases-MAX_NUM_FORMS": "1000",
    }
    response = staff_client.post(f"/admin/challenges/challengeversion/{draft.pk}/change/", form)
    assert response.status_code == 302, response.content.decode()[:2000]
    draft.refresh_from_db()
    assert draft.statement_html == "<h1>New statement alert(1)</h1>"
    assert draft.validation_ok is None
    assert draft.content_digest != order_total.current_version.content_digest


def test_publish_is_refused_until_validated(staff_client, order_total):
    action(staff_client, "draft_new_version", order_total)
    response = action(staff_client, "publish_latest", order_total)
    assert (
        "Not published order-total: version 2 has not passed validation"
        in response.content.decode()
    )
    order_total.refresh_from_db()
    assert order_total.current_version.number == 1


@pytest.mark.docker
def test_validate_now_reports_and_then_publish(staff_client, order_total):
    action(staff_client, "draft_new_version", order_total)
    response = action(staff_client, "validate_now", order_total).content.decode()
    assert "Validated order-total v2: ok; slowest case" in response
    assert "mutants killed 3/3" in response
    response = action(staff_client, "publish_latest", order_total).content.decode()
    assert "Published order-total" in response
    assert Challenge.objects.get(pk=order_total.pk).current_version.number == 2
