"""The challenges API: published challenges only, and never a hidden case's data."""

import json

from challenges.models import Challenge


def test_list_is_open_to_visitors(client, order_total):
    response = client.get("/api/challenges/")
    assert response.status_code == 200
    assert [row["slug"] for row in response.json()["results"]] == ["order-total"]
    assert response.json()["results"][0]["progress"] == "new"


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
                "skills": [
                    {"slug": "money-correctness", "name": "Money & correctness", "weight": 0.6},
                    {"slug": "python-correctness", "name": "Python correctness", "weight": 0.4},
                ],
                "tags": ["money-handling", "python"],
                "context": "e-commerce",
                "estimated_minutes": 15,
                "progress": "new",
                "solvers": 0,
            }
        ],
    }
    assert api_client.get("/api/challenges/?kind=sql").json()["count"] == 0
    assert api_client.get("/api/challenges/?skill=money-correctness").json()["count"] == 1
    assert api_client.get("/api/challenges/?skill=sql-querying").json()["count"] == 0


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


def test_sql_detail_has_the_schema_panel(api_client, db):
    from pathlib import Path

    from challenges.packages import read_package
    from challenges.services import challenge_import_package

    package = read_package(Path(__file__).parent.parent / "packages" / "late-orders")
    challenge_import_package(package=package)
    body = api_client.get("/api/challenges/late-orders/").json()
    assert body["questions"] is None
    assert body["sql_schema"] == [
        {
            "name": "orders",
            "columns": [
                {"name": "id", "type": "INTEGER", "primary_key": True, "nullable": True},
                {"name": "placed_on", "type": "TEXT", "primary_key": False, "nullable": False},
                {"name": "shipped_on", "type": "TEXT", "primary_key": False, "nullable": True},
            ],
            "row_count": 4,
            "sample_rows": [
                [1, "2026-01-01", "2026-01-02"],
                [2, "2026-01-01", "2026-01-05"],
                [3, "2026-01-03", None],
                [4, "2026-01-02", "2026-01-06"],
            ],
        }
    ]
    assert "ties" not in json.dumps(body)  # the hidden dataset's name and rows stay hidden


def test_design_detail_lists_questions_without_answers(api_client, db):
    from pathlib import Path

    from challenges.packages import read_package
    from challenges.services import challenge_import_package

    package = read_package(Path(__file__).parent.parent / "packages" / "cache-sizing")
    challenge_import_package(package=package)
    body = api_client.get("/api/challenges/cache-sizing/").json()
    assert [q["name"] for q in body["questions"]] == [
        "hot-set",
        "eviction",
        "invalidation",
        "layers",
        "stampede",
    ]
    assert body["questions"][0] == {
        "name": "hot-set",
        "points": 2,
        "type": "estimate",
        "prompt": "How many MB to cache the hot 20% at 4 KB per page?",
        "unit": "MB",
        "tolerance": {"kind": "relative", "value": 0.25},
    }
    raw = json.dumps(body)
    assert "Coalesce misses behind one lock" not in raw  # the model answer
    assert "100,000 pages x 4 KB." not in raw  # a hint shown only after a wrong answer


def test_editorial_only_after_solving(api_client, candidate, order_total):
    from submissions.models import Submission

    assert api_client.get("/api/challenges/order-total/").json()["editorial_html"] is None
    Submission.objects.create(
        user=candidate,
        version=order_total.current_version,
        mode="run",
        code="x",
        status="done",
        verdict="accepted",
    )
    assert api_client.get("/api/challenges/order-total/").json()["editorial_html"] is None
    Submission.objects.create(
        user=candidate,
        version=order_total.current_version,
        mode="submit",
        code="x",
        status="done",
        verdict="accepted",
        passed=True,
    )
    editorial = api_client.get("/api/challenges/order-total/").json()["editorial_html"]
    assert editorial.startswith("<p>Keep everything in integer cents")


def test_progress_marks_and_filters(api_client, candidate, order_total):
    from submissions.models import Submission

    def slugs(query):
        return [c["slug"] for c in api_client.get(f"/api/challenges/?{query}").json()["results"]]

    assert slugs("progress=new") == ["order-total"]
    Submission.objects.create(
        user=candidate, version=order_total.current_version, mode="submit", code="x",
        status="done", verdict="wrong_answer",
    )  # fmt: skip
    assert slugs("progress=attempted") == ["order-total"]
    assert slugs("progress=solved") == []
    Submission.objects.create(
        user=candidate, version=order_total.current_version, mode="submit", code="x",
        status="done", verdict="accepted", passed=True,
    )  # fmt: skip
    assert slugs("progress=solved") == ["order-total"]
    assert slugs("progress=attempted") == []
    assert api_client.get("/api/challenges/").json()["results"][0]["progress"] == "solved"
    assert slugs("search=coupon") == ["order-total"]
    assert slugs("search=ledger") == []


def test_invalid_filters_are_400s_with_field_messages(api_client, order_total):
    response = api_client.get("/api/challenges/?kind=cobol&progress=maybe")
    assert response.status_code == 400
    assert response.json() == {
        "kind": ['"cobol" is not a valid choice.'],
        "progress": ['"maybe" is not a valid choice.'],
    }


def test_listing_does_not_query_per_challenge(api_client, order_total, django_assert_num_queries):
    from challenges.models import Challenge, ChallengeVersion

    def add(slug):
        challenge = Challenge.objects.create(
            slug=slug, title=slug, kind="python", difficulty="easy", is_published=True
        )
        version = ChallengeVersion.objects.create(
            challenge=challenge, number=1, statement_md="x", statement_html="x", content_digest="d"
        )
        challenge.current_version = version
        challenge.save()
        challenge.skills.set(order_total.skills.all(), through_defaults={"weight": 0.5})
        challenge.tags.set(order_total.tags.all())

    api_client.get("/api/challenges/")  # warm up (session, content types)
    with django_assert_num_queries(4) as one:
        api_client.get("/api/challenges/")
    for index in range(10):
        add(f"extra-{index}")
    with django_assert_num_queries(len(one.captured_queries)):
        assert api_client.get("/api/challenges/").json()["count"] == 11
