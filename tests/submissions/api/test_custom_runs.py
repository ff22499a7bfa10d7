"""Custom runs ("run with my input") through the submissions API: the input checked at the
door, the run graded beside the reference solution, and never counted as a submit."""

from pathlib import Path

import pytest
from django.core.cache import cache

from challenges.packages import read_package
from challenges.services import challenge_import_package
from submissions.models import Submission
from tests.factories import UserFactory

PACKAGES = Path(__file__).parent.parent.parent / "challenges" / "packages"
NO_CUSTOM_INPUT = {"custom_input": ["this challenge has no custom input"]}
ORDER_INPUT = (
    '[{"sku": "A", "unit_price_cents": 500, "quantity": 2}], coupon={"type": "fixed", "value": 150}'
)


@pytest.fixture
def inline_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def late_orders(db):
    return challenge_import_package(package=read_package(PACKAGES / "late-orders")).challenge


@pytest.fixture
def payout_batch(db):
    return challenge_import_package(package=read_package(PACKAGES / "payout-batch")).challenge


@pytest.fixture
def cache_sizing(db):
    return challenge_import_package(package=read_package(PACKAGES / "cache-sizing")).challenge


def post(api_client, **data):
    return api_client.post("/api/submissions/", data, format="json")


def custom(
    api_client,
    custom_input,
    challenge="order-total",
    code="def order_total(items, coupon=None):\n    return 1\n",
):
    return post(
        api_client, challenge=challenge, mode="custom", code=code, custom_input=custom_input
    )


def test_valid_python_input_is_queued_with_the_input_stored(
    api_client, order_total, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = custom(api_client, ORDER_INPUT)
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["mode"], body["status"], body["custom_input"]) == ("custom", "queued", ORDER_INPUT)
    assert len(callbacks) == 1
    assert Submission.objects.get(pk=body["id"]).custom_input == ORDER_INPUT


USE = "; use numbers, strings, lists, tuples, dicts, True, False and None"
INT_LIMITS = "(-9223372036854775808 to 9223372036854775807)"


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("foo", "line 1, column 1: names are not values (`foo`): write the value itself" + USE),
        ("[1,\n  open('x')]", "line 2, column 3: calls are not allowed" + USE),
        ("().__class__", "line 1, column 1: attributes are not allowed" + USE),
        (
            "10**10**10",
            "line 1, column 1: operators are not allowed (write the value itself)" + USE,
        ),
        ("[1, 2", "the input ends too early: a bracket or brace opened on line 1 is not closed"),
        ("'abc", "line 1, column 1: unterminated string literal (detected at line 1)"),
        ("x=1, 2", "line 1, column 1: positional argument follows keyword argument"),
        ("x=1, x=2", "line 1, column 6: the argument x is given twice"),
        ("{1: 'a'}", "line 1, column 2: dict keys must be strings (JSON objects have text keys)"),
        ("{1, 2}", "line 1, column 1: sets are not allowed (JSON has no sets: use a list)" + USE),
        ("b'x'", "line 1, column 1: bytes are not allowed (use a string)"),
        ("1e999", "line 1, column 1: the number is too large for a float (inf is not a value)"),
        ("9223372036854775808", "line 1, column 1: integers are limited to 64 bits " + INT_LIMITS),
        ("*[1]", "line 1, column 1: unpacking (*) is not allowed"),
        ("1), _(2", "write the arguments only, e.g. [1, 2], key='value'"),
        ("[" * 33 + "]" * 33, "line 1, column 33: nested more than 32 levels deep"),
    ],
)
def test_each_python_parse_error_is_a_400_saying_where(api_client, order_total, text, error):
    response = custom(api_client, text)
    assert response.status_code == 400
    assert response.json() == {"custom_input": [error]}
    assert not Submission.objects.exists()


def test_python_input_caps(api_client, order_total):
    too_big = "[" + ", ".join(["1"] * 10_000) + "]"
    response = custom(api_client, too_big)
    assert response.status_code == 400
    assert response.json() == {
        "custom_input": [f"the input is {len(too_big)} bytes; the limit is 20000 bytes"]
    }
    many = "[" + ",".join(["0"] * 5_001) + "]"
    response = custom(api_client, many)
    assert response.status_code == 400
    assert response.json()["custom_input"][0].endswith(
        "more than 5000 values; keep custom inputs small"
    )


def test_sql_input_takes_writes_only(api_client, late_orders):
    query = "SELECT id FROM orders"
    ok = post(api_client, challenge="late-orders", mode="custom", code=query, custom_input="")
    assert ok.status_code == 201, ok.json()
    response = post(
        api_client,
        challenge="late-orders",
        mode="custom",
        code=query,
        custom_input="INSERT INTO orders VALUES (9, '2026-01-01', NULL); SELECT 1",
    )
    assert response.status_code == 400
    assert response.json() == {
        "custom_input": [
            "statement 2 starts with 'SELECT': your input may only change the example's rows "
            "(INSERT, UPDATE, DELETE); write your query in the editor"
        ]
    }
    many = "DELETE FROM orders;" * 51
    response = post(
        api_client, challenge="late-orders", mode="custom", code=query, custom_input=many
    )
    assert response.json() == {"custom_input": ["at most 50 statements (found 51)"]}


def test_kind_without_custom_input_is_refused(api_client, cache_sizing):
    response = post(
        api_client,
        challenge="cache-sizing",
        mode="custom",
        answers={"policy": "lru"},
        custom_input="1",
    )
    assert response.status_code == 400
    assert response.json() == NO_CUSTOM_INPUT


def test_custom_input_needs_the_custom_mode(api_client, order_total):
    response = post(api_client, challenge="order-total", mode="run", code="x = 1", custom_input="1")
    assert response.status_code == 400
    assert response.json() == {"custom_input": ['custom_input goes with mode "custom" only']}


def test_anonymous_is_refused(order_total):
    from rest_framework.test import APIClient

    response = post(APIClient(), challenge="order-total", mode="custom", code="x", custom_input="1")
    assert response.status_code in (401, 403)
    assert not Submission.objects.exists()


def test_custom_runs_share_the_run_throttle(api_client, order_total, settings):
    cache.clear()
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {
            **settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"],
            "submission_run": "2/min",
        },
    }
    settings.SUBMISSIONS = {**settings.SUBMISSIONS, "MAX_IN_FLIGHT_PER_USER": 100}
    try:
        assert (
            post(api_client, challenge="order-total", mode="run", code="x = 1").status_code == 201
        )
        assert custom(api_client, "1").status_code == 201
        limited = custom(api_client, "1")
        assert limited.status_code == 429
        assert (
            post(api_client, challenge="order-total", mode="run", code="x = 1").status_code == 429
        )
    finally:
        cache.clear()


def test_custom_runs_never_count_as_submits(api_client, candidate, order_total):
    from tests.factories import graded_submit

    graded_submit(candidate, order_total, score=1.0, mode="custom")
    progress = api_client.get("/api/me/progress/").json()
    assert progress["totals"]["solved"] == 0
    assert progress["totals"]["attempted"] == 0
    assert progress["totals"]["submits_graded"] == 0
    assert progress["totals"]["submits_accepted"] == 0
    # Shown in history as a custom run.
    listed = api_client.get("/api/submissions/").json()["results"]
    assert [row["mode"] for row in listed] == ["custom"]


def test_custom_runs_leave_the_submit_budget_alone(api_client, order_total, settings):
    settings.SUBMISSIONS = {
        **settings.SUBMISSIONS,
        "SUBMITS_PER_CHALLENGE_PER_HOUR": 1,
        "MAX_IN_FLIGHT_PER_USER": 100,
    }
    for _ in range(2):
        assert custom(api_client, "[]").status_code == 201
    assert post(api_client, challenge="order-total", mode="submit", code="x = 1").status_code == 201


# Through the sandbox -----------------------------------------------------------------------


def grade(api_client, callbacks, **data) -> dict:
    with callbacks(execute=False) as queued:
        created = post(api_client, **data)
    assert created.status_code == 201, created.json()
    for callback in queued:
        callback()
    return api_client.get(f"/api/submissions/{created.json()['id']}/").json()


@pytest.mark.docker
@pytest.mark.usefixtures("inline_tasks")
def test_python_custom_run_sets_the_reference_beside_the_candidate(
    api_client, order_total, order_total_solution, django_capture_on_commit_callbacks
):
    wrong = order_total_solution.replace("discount = min(discount, subtotal)", "discount = 0")
    body = grade(
        api_client,
        django_capture_on_commit_callbacks,
        challenge="order-total",
        mode="custom",
        code=wrong.replace(
            "    subtotal = sum", "    print('items', len(items))\n    subtotal = sum", 1
        ),
        custom_input=ORDER_INPUT,
    )
    assert (body["status"], body["verdict"], body["score"], body["passed"]) == (
        "done",
        "wrong_answer",
        0.0,
        False,
    )
    assert body["message"] == "Your output differs from the reference solution's on your input."
    (row,) = body["results"]
    assert row["custom"] is True
    assert row["kind"] == "python"
    assert row["input"] == {
        "args": [[{"sku": "A", "unit_price_cents": 500, "quantity": 2}]],
        "kwargs": {"coupon": {"type": "fixed", "value": 150}},
    }
    assert row["reference_status"] == "ok"
    assert row["expected"] == {"subtotal_cents": 1000, "discount_cents": 150, "total_cents": 850}
    assert row["actual"] == {"subtotal_cents": 1000, "discount_cents": 0, "total_cents": 1000}
    assert row["output"] == "items 1\n"

    same = grade(
        api_client,
        django_capture_on_commit_callbacks,
        challenge="order-total",
        mode="custom",
        code=order_total_solution,
        custom_input=ORDER_INPUT,
    )
    assert (same["verdict"], same["message"]) == (
        "accepted",
        "Your output matches the reference solution's on your input.",
    )
    assert same["results"][0]["passed"] is True
    # Not a solve: no editorial, no next challenge, nothing in progress.
    assert same["passed"] is False
    assert same["next_challenge"] is None
    assert api_client.get("/api/me/progress/").json()["totals"]["solved"] == 0


@pytest.mark.docker
@pytest.mark.usefixtures("inline_tasks")
def test_python_custom_run_reports_the_candidates_exception(
    api_client, order_total, django_capture_on_commit_callbacks
):
    body = grade(
        api_client,
        django_capture_on_commit_callbacks,
        challenge="order-total",
        mode="custom",
        code="def order_total(items, coupon=None):\n    return items[5]\n",
        custom_input="[]",
    )
    assert body["verdict"] == "runtime_error"
    (row,) = body["results"]
    assert row["status"] == "runtime_error"
    assert row["error"].startswith("raised IndexError: list index out of range")
    assert row["expected"] == {"subtotal_cents": 0, "discount_cents": 0, "total_cents": 0}


@pytest.mark.docker
@pytest.mark.usefixtures("inline_tasks")
def test_sql_custom_run_applies_the_candidates_rows_first(
    api_client, late_orders, django_capture_on_commit_callbacks
):
    body = grade(
        api_client,
        django_capture_on_commit_callbacks,
        challenge="late-orders",
        mode="custom",
        code="SELECT id, 0 AS days_late FROM orders WHERE shipped_on IS NOT NULL",
        custom_input="INSERT INTO orders VALUES (9, '2026-02-01', '2026-02-11');\n"
        "DELETE FROM orders WHERE id = 2;",
    )
    assert body["verdict"] == "wrong_answer"
    (row,) = body["results"]
    assert row["kind"] == "sql"
    assert row["input"] == {
        "dataset": "seed",
        "statements": "INSERT INTO orders VALUES (9, '2026-02-01', '2026-02-11');\n"
        "DELETE FROM orders WHERE id = 2;",
    }
    assert row["expected"] == {"columns": ["id", "days_late"], "rows": [[9, 8], [4, 2]]}
    assert row["actual"] == {"columns": ["id", "days_late"], "rows": [[1, 0], [4, 0], [9, 0]]}
    assert row["diff"]["missing_count"] == 2

    # No statements: the example's rows as they are, and a failing statement says which.
    same = grade(
        api_client,
        django_capture_on_commit_callbacks,
        challenge="late-orders",
        mode="custom",
        code=late_orders.current_version.reference_solution,
        custom_input="",
    )
    assert same["verdict"] == "accepted"
    assert same["results"][0]["actual"] == {
        "columns": ["id", "days_late"],
        "rows": [[2, 2], [4, 2]],
    }
    broken = grade(
        api_client,
        django_capture_on_commit_callbacks,
        challenge="late-orders",
        mode="custom",
        code="SELECT id FROM orders",
        custom_input="INSERT INTO orders VALUES (1, '2026-01-01', NULL)",
    )
    assert broken["verdict"] == "runtime_error"
    assert broken["results"][0]["error"] == (
        "your input, statement 1: IntegrityError: UNIQUE constraint failed: orders.id"
    )


@pytest.mark.docker
@pytest.mark.usefixtures("inline_tasks")
def test_sql_dml_custom_run_reads_the_examples_check(
    api_client, payout_batch, django_capture_on_commit_callbacks
):
    body = grade(
        api_client,
        django_capture_on_commit_callbacks,
        challenge="payout-batch",
        mode="custom",
        code=payout_batch.current_version.reference_solution,
        custom_input="INSERT INTO payouts VALUES (4, 3, 50, 'pending');",
    )
    assert body["verdict"] == "accepted", (body["message"], body["results"])
    assert body["results"][0]["expected"] == {
        "columns": ["id", "balance_cents"],
        "rows": [[1, 500], [2, 500], [3, 0]],
    }


def test_history_page_says_custom_run(client, candidate, order_total):
    from tests.factories import graded_submit

    graded_submit(candidate, order_total, score=1.0, mode="custom")
    client.force_login(candidate)
    page = client.get("/submissions/").content.decode()
    assert '<td data-label="Mode">Custom run</td>' in page


def test_other_users_cannot_see_a_custom_run(order_total):
    owner = UserFactory(username="owner")
    from tests.factories import graded_submit

    submission = graded_submit(owner, order_total, score=1.0, mode="custom")
    from rest_framework.test import APIClient

    other = APIClient()
    other.force_authenticate(UserFactory(username="other"))
    assert other.get(f"/api/submissions/{submission.pk}/").status_code == 404


def test_custom_runs_are_graded_before_submits_like_runs():
    from submissions.queueing import RUN_PRIORITY, priority_for

    assert priority_for("custom") == priority_for("run") == RUN_PRIORITY
    assert priority_for("submit") == 0
