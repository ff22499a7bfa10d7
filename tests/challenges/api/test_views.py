"""The challenges API: published challenges only, and never a hidden case's data."""

import json

from challenges.models import Challenge


def test_list_requires_authentication(client, order_total):
    response = client.get("/api/challenges/")
    assert response.status_code == 403


def test_list_and_filter(api_client, order_total):
    response = api_client.get("/api/challenges/")
    assert response.status_code == 200
    assert response.json() == {
        "count": 1,
        "next": None,
        "previous": None,
        "results": [
            {
                "slug": "order-total",
                "title": "Checkout total with a coupon",
                "kind": "python",
                "difficulty": "easy",
                "skills": ["money-handling", "python"],
                "context": "e-commerce",
                "estimated_minutes": 15,
            }
        ],
    }
    assert api_client.get("/api/challenges/?kind=sql").json()["count"] == 0
    assert api_client.get("/api/challenges/?skill=money-handling").json()["count"] == 1


def test_unpublished_challenges_are_invisible(api_client, order_total):
    Challenge.objects.filter(pk=order_total.pk).update(is_published=False)
    assert api_client.get("/api/challenges/").json()["count"] == 0
    assert api_client.get("/api/challenges/order-total/").status_code == 404


def test_detail_shows_examples_but_no_hidden_data(api_client, order_total):
    response = api_client.get("/api/challenges/order-total/")
    assert response.status_code == 200
    body = response.json()
    assert body["version"] == 1
    assert body["hidden_case_count"] == 10
    assert [example["name"] for example in body["examples"]] == ["percent coupon", "no coupon"]
    assert body["examples"][0]["expected"] == {
        "subtotal_cents": 2598,
        "discount_cents": 260,
        "total_cents": 2338,
    }
    assert body["starter_code"].startswith("def order_total(items, coupon=None):")
    assert "<script" not in body["statement_html"]
    hidden = order_total.current_version.cases.filter(visibility="hidden")
    raw = json.dumps(body)
    for case in hidden:
        assert case.name not in raw
        assert json.dumps(case.expected) not in raw
