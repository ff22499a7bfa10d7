"""The submissions API: validation at the boundary, ownership, and grading end to end."""

import pytest

from tests.factories import UserFactory


@pytest.fixture
def inline_tasks(settings):
    """Run tasks at enqueue time; the real worker process is covered in test_worker_process."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def post(api_client, **data):
    return api_client.post("/api/submissions/", data, format="json")


def test_missing_fields_get_field_messages(api_client, order_total):
    response = post(api_client, challenge="order-total")
    assert response.status_code == 400
    assert response.json() == {
        "mode": ["This field is required."],
        "code": ["This field is required."],
    }


def test_unknown_challenge_and_mode(api_client, order_total):
    response = post(api_client, challenge="nope", mode="grade", code="x")
    assert response.status_code == 400
    assert response.json() == {"mode": ['"grade" is not a valid choice.']}
    response = post(api_client, challenge="nope", mode="run", code="x")
    assert response.json() == {"challenge": ["No published challenge has this slug."]}


def test_oversized_and_nul_code_are_refused(api_client, order_total, settings):
    limit = settings.RUNNER["MAX_SOURCE_BYTES"]
    response = post(api_client, challenge="order-total", mode="run", code="#" * (limit + 1))
    assert response.status_code == 400
    assert response.json() == {"code": [f"Code is limited to {limit} bytes."]}
    response = post(api_client, challenge="order-total", mode="run", code="print(1)\x00")
    assert response.status_code == 400
    assert response.json()["code"] == ["Null characters are not allowed."]


def test_submissions_are_private(api_client, order_total, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        created = post(api_client, challenge="order-total", mode="run", code="x = 1").json()
    other = api_client.__class__()
    other.force_authenticate(UserFactory(username="someone-else"))
    assert other.get(f"/api/submissions/{created['id']}/").status_code == 404
    assert other.get("/api/submissions/").json()["count"] == 0
    assert api_client.get("/api/submissions/").json()["count"] == 1


def grade_through_worker(api_client, django_capture_on_commit_callbacks, **data) -> dict:
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        created = post(api_client, **data)
    assert created.status_code == 201, created.json()
    assert created.json()["status"] == "queued"
    for callback in callbacks:
        callback()
    return api_client.get(f"/api/submissions/{created.json()['id']}/").json()


@pytest.mark.docker
@pytest.mark.usefixtures("inline_tasks")
def test_run_grades_only_the_visible_examples(
    api_client, order_total, django_capture_on_commit_callbacks
):
    body = grade_through_worker(
        api_client,
        django_capture_on_commit_callbacks,
        challenge="order-total",
        mode="run",
        code=order_total.current_version.starter_code,
    )
    assert body["status"] == "done"
    assert body["verdict"] == "wrong_answer"
    assert [row["name"] for row in body["results"]] == ["percent coupon", "no coupon"]
    first = body["results"][0]
    assert first["status"] == "wrong_answer"
    assert first["expected"] == {"subtotal_cents": 2598, "discount_cents": 260, "total_cents": 2338}
    assert first["actual"] == {"subtotal_cents": 0, "discount_cents": 0, "total_cents": 0}


@pytest.mark.docker
@pytest.mark.usefixtures("inline_tasks")
def test_submit_right_solution_is_accepted(
    api_client, order_total, order_total_solution, django_capture_on_commit_callbacks
):
    body = grade_through_worker(
        api_client,
        django_capture_on_commit_callbacks,
        challenge="order-total",
        mode="submit",
        code=order_total_solution,
    )
    assert (body["status"], body["verdict"], body["score"]) == ("done", "accepted", 1.0)
    assert len(body["results"]) == 12
    assert all(row["passed"] for row in body["results"])
    hidden = [row for row in body["results"] if row["visibility"] == "hidden"]
    assert len(hidden) == 10
    assert all("expected" not in row and "input" not in row for row in hidden)


@pytest.mark.docker
@pytest.mark.usefixtures("inline_tasks")
def test_hidden_failures_explain_without_revealing(
    api_client, order_total, order_total_solution, django_capture_on_commit_callbacks
):
    # Python's round() rounds half to even: the visible examples pass, the rounding case fails.
    code = order_total_solution.replace(
        '(subtotal * coupon["value"] + 50) // 100', 'round(subtotal * coupon["value"] / 100)'
    )
    assert code != order_total_solution
    body = grade_through_worker(
        api_client,
        django_capture_on_commit_callbacks,
        challenge="order-total",
        mode="submit",
        code=code,
    )
    assert body["verdict"] == "wrong_answer"
    failed = [row for row in body["results"] if row["passed"] is False]
    assert [(row["name"], row["category"], row["hint"]) for row in failed] == [
        ("half-cent rounds up", "rounding", "0.5 cents must round up, not to even.")
    ]
    # Hidden outcomes after the first failing hidden case are withheld (no probing them all).
    after = [row for row in body["results"] if row["ordinal"] > failed[0]["ordinal"]]
    assert after
    assert {(row["status"], row["passed"], row["hint"]) for row in after} == {
        ("withheld", None, "")
    }
    assert body["score"] == round(11 / 12, 4)


@pytest.mark.docker
@pytest.mark.usefixtures("inline_tasks")
def test_code_that_does_not_compile_is_a_syntax_error(
    api_client, order_total, django_capture_on_commit_callbacks
):
    body = grade_through_worker(
        api_client,
        django_capture_on_commit_callbacks,
        challenge="order-total",
        mode="submit",
        code="def order_total(items, coupon=None)\n    return 0\n",
    )
    assert (body["verdict"], body["score"]) == ("syntax_error", 0.0)
    assert "SyntaxError" in body["message"]
    assert {row["status"] for row in body["results"]} == {"not_run"}


def test_my_submissions_list_does_not_query_per_row(
    api_client, candidate, order_total, django_assert_num_queries
):
    from submissions.models import Submission

    def add(count):
        Submission.objects.bulk_create(
            Submission(user=candidate, version=order_total.current_version, mode="run", code="x")
            for _ in range(count)
        )

    add(1)
    api_client.get("/api/submissions/")  # warm up
    with django_assert_num_queries(2) as one:
        api_client.get("/api/submissions/")
    add(15)
    with django_assert_num_queries(len(one.captured_queries)):
        assert api_client.get("/api/submissions/").json()["count"] == 16
