"""Opening help through the API: hints one after another, the editorial on request, recorded."""

import pytest

from readiness.models import AssistEvent

HINTS = [
    "Work in whole cents from start to finish: floats and money don't mix.",
    "Round half up with integer arithmetic: (amount * percent + 50) // 100.",
    "A discount can never make the total negative, and a coupon with a minimum spend only "
    "applies once the subtotal reaches it.",
]


def events(user) -> list[tuple[str, int]]:
    return list(AssistEvent.objects.filter(user=user).values_list("kind", "index"))


def test_the_detail_sends_no_hint_text_until_opened(api_client, order_total):
    body = api_client.get("/api/challenges/order-total/").json()
    assert (body["hints"], body["hints_total"]) == ([], 3)
    assert body["has_editorial"] is True
    for hint in HINTS:
        assert hint[:40] not in str(body)


def test_hints_open_one_after_another_and_are_recorded(api_client, candidate, order_total):
    url = "/api/challenges/order-total/hints/"
    first = api_client.post(url, {}, format="json")
    assert first.status_code == 200
    assert first.json() == {
        "hint": 1,
        "text": HINTS[0],
        "hints_opened": 1,
        "hints_total": 3,
        "newly_opened": True,
    }
    second = api_client.post(url, {"hint": 2}, format="json").json()
    assert (second["hint"], second["text"], second["hints_opened"]) == (2, HINTS[1], 2)
    assert api_client.get("/api/challenges/order-total/").json()["hints"] == HINTS[:2]
    assert events(candidate) == [("hint", 0), ("hint", 1)]
    third = api_client.post(url, format="json").json()
    assert (third["hint"], third["hints_opened"]) == (3, 3)
    done = api_client.post(url, format="json")
    assert done.status_code == 409
    assert done.json() == {"detail": "All 3 hint(s) are already open."}
    assert len(events(candidate)) == 3


def test_asking_again_for_an_open_hint_records_nothing_new(api_client, candidate, order_total):
    url = "/api/challenges/order-total/hints/"
    api_client.post(url, {"hint": 1}, format="json")
    again = api_client.post(url, {"hint": 1}, format="json").json()
    assert (again["hint"], again["newly_opened"], again["hints_opened"]) == (1, False, 1)
    assert events(candidate) == [("hint", 0)]


def test_the_editorial_opens_on_request_and_is_recorded(api_client, candidate, order_total):
    response = api_client.post("/api/challenges/order-total/editorial/")
    assert response.status_code == 200
    assert response.json()["editorial_html"].startswith("<p>Keep everything in integer cents")
    assert events(candidate) == [("editorial", 0)]
    # From then on the detail shows it, as it does once solved.
    detail = api_client.get("/api/challenges/order-total/").json()
    assert detail["editorial_html"] == response.json()["editorial_html"]


@pytest.mark.parametrize("path", ["hints", "editorial"])
def test_a_challenge_without_that_help_refuses(api_client, candidate, order_total, path):
    order_total.current_version.__class__.objects.filter(pk=order_total.current_version_id).update(
        hints=[], editorial_md="", editorial_html=""
    )
    response = api_client.post(f"/api/challenges/order-total/{path}/", format="json")
    assert response.status_code == 409
    assert response.json()["detail"] in (
        "This challenge has no hints.",
        "This challenge has no editorial.",
    )
    assert events(candidate) == []
