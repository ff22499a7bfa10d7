"""Submission history pages: own submissions only, paginated, and hidden cases kept hidden."""

import datetime
import json
import pprint
import re
from pathlib import Path

import pytest
from django.utils.html import escape

from challenges.kinds import design
from challenges.kinds.python import case_row
from challenges.packages import read_package
from challenges.services import challenge_import_package
from runner.facade import CaseOutput
from submissions.models import Submission
from tests.factories import UserFactory

PACKAGES = Path(__file__).parent.parent / "challenges" / "packages"


def submission(user, challenge, **fields):
    values = {"mode": "submit", "code": "def order_total(items, coupon=None):\n    return 1\n"}
    return Submission.objects.create(
        user=user, version=challenge.current_version, **{**values, **fields}
    )


def graded_rows(challenge, *, failing: str):
    """Result rows as the python grader stores them; `failing` gets a wrong answer."""
    rows = []
    for case in challenge.current_version.cases.order_by("ordinal"):
        passed = case.name != failing
        actual = case.expected if passed else {"total_cents": -1}
        output = CaseOutput(id=str(case.ordinal), status="ok", actual=actual, time_ms=4)
        rows.append(case_row(case, "passed" if passed else "wrong_answer", passed, output))
    return rows


def row_links(page: str) -> list[int]:
    return [int(pk) for pk in re.findall(r'<a href="/submissions/(\d+)/">Details', page)]


@pytest.fixture
def cache_sizing(db):
    return challenge_import_package(package=read_package(PACKAGES / "cache-sizing")).challenge


@pytest.mark.parametrize("path", ["/submissions/", "/submissions/1/"])
def test_anonymous_visitors_are_sent_to_sign_in(client, db, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={path}"


def test_nav_links_to_history(client, ada):
    assert '<a href="/submissions/">History</a>' in client.get("/challenges/").content.decode()


def test_empty_history_links_to_the_catalogue(client, ada):
    page = client.get("/submissions/").content.decode()
    assert "You have not run or submitted any code yet." in page
    assert '<a href="/challenges/">Browse the challenges</a>' in page
    assert "<table" not in page


def test_history_lists_only_my_submissions_with_their_columns(client, ada, order_total):
    mine = submission(
        ada, order_total, status="done", verdict="wrong_answer", score=0.8333,
        wall_time_ms=412, results=graded_rows(order_total, failing="half-cent rounds up"),
    )  # fmt: skip
    Submission.objects.filter(pk=mine.pk).update(
        created_at=datetime.datetime(2026, 3, 5, 14, 30, tzinfo=datetime.UTC)
    )
    run = submission(ada, order_total, mode="run", status="queued")
    submission(UserFactory(username="bob"), order_total, status="done", verdict="accepted")

    page = client.get("/submissions/").content.decode()
    assert row_links(page) == [run.pk, mine.pk]
    rows = page.split("<tbody>")[1].split("</tbody>")[0].split("</tr>")
    cells = [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.split(r"<td[^>]*>", rows[1])[1:]]
    assert cells == [
        "March 5, 2026, 2:30 p.m.",
        "Checkout total with a coupon",
        "Submit",
        "Wrong answer",
        "83%",
        "11 / 12",
        "412 ms",
        f"Details of submission #{mine.pk}",
    ]
    assert '<time datetime="2026-03-05T14:30:00+00:00">' in rows[1]
    assert '<a href="/challenges/order-total/">Checkout total with a coupon</a>' in rows[1]
    queued = [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.split(r"<td[^>]*>", rows[0])[1:]]
    # Each cell names its column: at phone width the rows become labelled cards.
    labels = re.findall(r'<td data-label="([^"]+)"', rows[1])
    assert labels == ["When", "Challenge", "Mode", "Result", "Score", "Cases passed", "Time"]
    assert queued[2:7] == ["Run", "Queued", "—", "—", "—"]


@pytest.mark.parametrize(
    ("fields", "label"),
    [
        ({"status": "done", "verdict": "accepted"}, "Accepted"),
        ({"status": "done", "verdict": "runtime_error"}, "Runtime error"),
        ({"status": "done", "verdict": "time_limit"}, "Time limit exceeded"),
        ({"status": "done", "verdict": "memory_limit"}, "Memory limit exceeded"),
        ({"status": "done", "verdict": "output_limit"}, "Output limit exceeded"),
        ({"status": "done", "verdict": "syntax_error"}, "Syntax error"),
        ({"status": "error", "verdict": "internal_error"}, "Internal error"),
        ({"status": "done", "verdict": "pending_review"}, "Pending review"),
        ({"status": "running"}, "Running"),
    ],
)
def test_status_labels(client, ada, order_total, fields, label):
    submission(ada, order_total, **fields)
    page = client.get("/submissions/").content.decode()
    assert f">{label}</span></td>" in page


def test_filter_by_challenge_shows_it_and_links_to_clear(client, ada, order_total, cache_sizing):
    code = submission(ada, order_total)
    answers = submission(ada, cache_sizing, code="", answers={"eviction": 1})
    page = client.get("/submissions/?challenge=cache-sizing").content.decode()
    assert row_links(page) == [answers.pk]
    assert "Showing submissions for <strong>Sizing a product-page cache</strong> only." in page
    assert '<a href="/submissions/">Show all submissions</a>' in page
    assert row_links(client.get("/submissions/").content.decode()) == [answers.pk, code.pk]

    page = client.get("/submissions/?challenge=nope").content.decode()
    assert "Showing submissions for <strong>nope</strong> only." in page
    assert "You have no submissions for this challenge yet." in page


def test_pagination_25_per_page_with_prev_and_next(client, ada, order_total):
    ids = [submission(ada, order_total).pk for _ in range(30)][::-1]  # newest first

    first = client.get("/submissions/").content.decode()
    assert row_links(first) == ids[:25]
    assert "Page 1 of 2" in first
    assert '<a class="button" rel="next" href="?page=2">Older →</a>' in first
    assert 'rel="prev"' not in first

    second = client.get("/submissions/?page=2").content.decode()
    assert row_links(second) == ids[25:]
    assert '<a class="button" rel="prev" href="?page=1">← Newer</a>' in second
    assert 'rel="next"' not in second

    assert row_links(client.get("/submissions/?page=99").content.decode()) == ids[25:]
    assert row_links(client.get("/submissions/?page=x").content.decode()) == ids[:25]


def test_history_does_not_query_per_row(
    client, ada, order_total, cache_sizing, django_assert_max_num_queries
):
    submission(ada, order_total)
    client.get("/submissions/")  # warm up (session, content types)
    # session, user, the count, the page's rows with their challenges
    with django_assert_max_num_queries(4):
        client.get("/submissions/")
    for index in range(20):
        submission(ada, cache_sizing if index % 2 else order_total)
    with django_assert_max_num_queries(4):
        assert len(row_links(client.get("/submissions/").content.decode())) == 21


def test_pagination_keeps_the_challenge_filter(client, ada, order_total):
    for _ in range(26):
        submission(ada, order_total)
    page = client.get("/submissions/?challenge=order-total").content.decode()
    assert 'href="?challenge=order-total&amp;page=2"' in page


def test_detail_is_only_for_the_owner(client, ada, order_total):
    mine = submission(ada, order_total, status="done", verdict="accepted")
    bob = UserFactory(username="bob")
    theirs = submission(bob, order_total, status="done", verdict="accepted")
    assert client.get(f"/submissions/{mine.pk}/").status_code == 200
    assert client.get(f"/submissions/{theirs.pk}/").status_code == 404
    assert client.get("/submissions/999999/").status_code == 404

    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    assert client.get(f"/submissions/{mine.pk}/").status_code == 404


def test_detail_shows_the_submission_and_its_cases(client, ada, order_total):
    code = "def order_total(items, coupon=None):\n    return {'total_cents': 1 < 2}\n"
    mine = submission(
        ada, order_total, code=code, status="done", verdict="wrong_answer", score=0.8333,
        wall_time_ms=412, peak_memory_kb=20480, message="Wrong answer on repeated sku",
        results=graded_rows(order_total, failing="repeated sku, many lines"),
    )  # fmt: skip
    page = client.get(f"/submissions/{mine.pk}/").content.decode()
    assert (
        f'Submission #{mine.pk}: <a href="/challenges/order-total/">'
        "Checkout total with a coupon</a>" in page
    )
    assert '<span class="verdict verdict-wrong_answer">Wrong answer</span>' in page
    assert "11 / 12 cases passed" in page
    facts = dict(re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", page))
    assert {k: facts[k] for k in ("Mode", "Score", "Time", "Memory")} == {
        "Mode": "Submit",
        "Score": "83%",
        "Time": "412 ms",
        "Memory": "20.0 MB",
    }
    assert f"<pre><code>{escape(code)}</code></pre>" in page
    assert (
        f'<a class="button" href="/challenges/order-total/?restore={mine.pk}">'
        "Restore this code into the editor</a>" in page
    )
    statuses = re.findall(r'<span class="case-status">(.*?)</span>', page)
    assert statuses == ["Passed"] * 10 + ["Wrong answer", "Passed"]
    # A visible case: its expected and actual values.
    example = order_total.current_version.cases.get(name="percent coupon")
    assert escape(pprint.pformat(example.expected, width=72, sort_dicts=False)) in page


def test_hidden_cases_show_category_and_hint_but_never_expected_values(client, ada, order_total):
    mine = submission(
        ada, order_total, status="done", verdict="wrong_answer",
        results=graded_rows(order_total, failing="repeated sku, many lines"),
    )  # fmt: skip
    page = client.get(f"/submissions/{mine.pk}/").content.decode()
    hidden = order_total.current_version.cases.get(name="repeated sku, many lines")
    assert hidden.expected["total_cents"] == 1615000
    assert '<span class="case-name">repeated sku, many lines (hidden)</span>' in page
    assert '<p class="muted">Category: scale</p>' in page
    assert '<p class="hint">Hint: Sum every line, including repeated SKUs.</p>' in page
    for case in order_total.current_version.cases.filter(visibility="hidden"):
        for shown in (json.dumps(case.expected), pprint.pformat(case.expected, width=72)):
            assert shown not in page
            assert escape(shown) not in page
    assert "1615000" not in page
    assert "1900000" not in page
    assert "{'total_cents': -1}" not in page  # a hidden case's actual value isn't kept either


def test_design_detail_lists_answers_without_restore_or_answer_key(client, ada, cache_sizing):
    answers = {"hot-set": 380, "eviction": 0, "invalidation": [1, 2], "layers": [1, 2, 0],
               "stampede": "Coalesce requests behind a lock."}  # fmt: skip
    version = cache_sizing.current_version
    grade = design.grade(
        version=version, answers=answers, cases=list(version.cases.order_by("ordinal"))
    )
    mine = submission(
        ada, cache_sizing, code="", answers=answers, status="done", verdict=grade.verdict,
        score=grade.score, results=grade.cases,
    )  # fmt: skip
    page = client.get(f"/submissions/{mine.pk}/").content.decode()
    assert "Restore this code" not in page
    assert "<pre><code>" not in page
    pairs = re.findall(r'<p class="question">(.*?)</p><p class="answer">(.*?)</p>', page)
    assert pairs == [
        ("How many MB to cache the hot 20% at 4 KB per page?", "380 MB"),
        ("Which eviction policy fits?", "FIFO"),
        ("Which invalidate a price change promptly?", "Delete on write, Versioned keys"),
        ("Order from closest to the user:", "CDN → App cache → Origin DB"),
        ("How do you avoid a cache stampede on a hot key?", "Coalesce requests behind a lock."),
    ]
    assert "3 / 5 questions right" in page
    assert '<p class="hint">[caching] Keep what was used recently.</p>' in page
    assert "Pending review" in page
    assert "Coalesce misses behind one lock" not in page  # the model answer


def test_a_queued_submission_says_so(client, ada, order_total):
    mine = submission(ada, order_total, mode="run")
    page = client.get(f"/submissions/{mine.pk}/").content.decode()
    assert "This submission is queued; its results appear here once it is graded." in page
    assert '<span class="verdict verdict-queued">Queued</span>' in page


def test_hidden_cases_after_the_first_failing_one_are_shown_as_withheld(client, ada, order_total):
    from challenges.kinds.scoring import withhold_after_first_hidden_failure

    hidden = list(order_total.current_version.cases.filter(visibility="hidden"))
    rows = withhold_after_first_hidden_failure(graded_rows(order_total, failing=hidden[0].name))
    mine = submission(ada, order_total, status="done", verdict="wrong_answer", results=rows)
    page = client.get(f"/submissions/{mine.pk}/").content.decode()
    later = len(hidden) - 1
    examples = len(rows) - len(hidden)
    assert f"{examples} / {len(rows)} cases passed ({later} hidden not shown)" in page
    assert page.count('<span class="case-status">Not shown</span>') == later
    assert page.count("Hidden cases after the first failing one are not shown") == later


def test_an_examples_matchers_read_as_words_and_the_actual_value_literally(
    client, ada, order_total
):
    rows = graded_rows(order_total, failing="repeated sku, many lines")
    example = next(row for row in rows if row["visibility"] == "example")
    example.update(
        expected={"$raises": {"type": "ValueError", "message": "empty basket"}},
        actual={"$any": True},
        status="wrong_answer",
        passed=False,
    )
    mine = submission(ada, order_total, status="done", verdict="wrong_answer", results=rows)
    page = client.get(f"/submissions/{mine.pk}/").content.decode()
    assert "<pre>&lt;raises ValueError(&#x27;empty basket&#x27;)&gt;</pre>" in page
    # What the code returned is shown as it is, even when it looks like a matcher.
    assert "<pre>{&#x27;$any&#x27;: True}</pre>" in page


def test_a_python_example_shows_its_call_and_only_measured_times(client, ada, order_total):
    rows = graded_rows(order_total, failing="none")
    visible = [row for row in rows if row["visibility"] == "example"]
    visible[0]["time_ms"] = 0  # measured under a millisecond
    del visible[1]["time_ms"]  # not measured (a case that never ran)
    mine = submission(ada, order_total, status="done", verdict="accepted", score=1, results=rows)
    page = client.get(f"/submissions/{mine.pk}/").content.decode()
    times = re.findall(r'<span class="muted">([^<]*ms)</span>', page)
    assert times == ["&lt; 1 ms"] + ["4 ms"] * (len(visible) - 2)
    example = order_total.current_version.cases.get(ordinal=visible[0]["ordinal"])
    args = ", ".join(pprint.pformat(a, width=60, sort_dicts=False) for a in example.input["args"])
    assert f"<strong>Call</strong><pre>{escape(f'order_total({args})')}</pre>" in page


def test_an_api_example_reads_as_http_steps_with_the_failing_one_marked(client, ada):
    challenge = challenge_import_package(
        package=read_package(PACKAGES / "stock-reservations")
    ).challenge
    row = {
        "name": "reserve, then read it back",
        "ordinal": 1,
        "visibility": "example",
        "status": "wrong_answer",
        "passed": False,
        "input": {
            "requests": [
                {"method": "POST", "path": "/reservations", "json": {"sku": "MUG", "quantity": 7}},
                {"method": "GET", "path": "/reservations/{{0.json.id}}"},
            ]
        },
        "expected": [
            {"status": 201, "json": {"id": {"$type": "integer"}, "sku": "MUG"}},
            {"status": 200, "headers": {"ETag": {"$regex": "^W/"}}, "json": {"quantity": 7}},
        ],
        "actual": [
            {"status": 201, "headers": {}, "json": {"id": 41, "sku": "MUG"}},
            {"status": 404, "headers": {}, "json": {"$any": "not found"}},
        ],
        "mismatch": {"step": 1, "detail": "status 404, expected 200"},
    }
    mine = submission(ada, challenge, status="done", verdict="wrong_answer", results=[row])
    page = client.get(f"/submissions/{mine.pk}/").content.decode()

    steps = re.findall(r'<li class="(step[^"]*)"><pre class="request">([^<]*)</pre>', page)
    assert steps == [
        (
            "step",
            "POST /reservations\n\n{&quot;sku&quot;: &quot;MUG&quot;, &quot;quantity&quot;: 7}",
        ),
        # The reference is resolved from this run's first response.
        ("step failed", "GET /reservations/41"),
    ]
    assert '<p class="diff">status 404, expected 200</p>' in page
    # Expected: HTTP with its matchers in words; actual: HTTP as the app answered.
    etag = "ETag: &lt;text matching &#x27;^W/&#x27;&gt;"
    assert f"<pre>HTTP 200\n{etag}\n\n{{&quot;quantity&quot;: 7}}</pre>" in page
    assert "<pre>HTTP 404\n\n{&quot;$any&quot;: &quot;not found&quot;}</pre>" in page
    assert "$regex" not in page
    assert "{{" not in page
