"""Design challenges through the submissions API: answers checked at the door against each
question's type, auto parts scored at once, the editorial only at the pass mark."""

from pathlib import Path

import pytest
from django.conf import settings as django_settings

from challenges.packages import read_package
from challenges.services import challenge_import_package
from submissions.models import Submission

PACKAGE = Path(__file__).parent.parent.parent / "challenges" / "packages" / "cache-sizing"
CATALOGUE = Path(django_settings.BASE_DIR) / "challenges" / "catalogue"


@pytest.fixture(autouse=True)
def inline_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def cache_sizing(db):
    return challenge_import_package(package=read_package(PACKAGE)).challenge


@pytest.fixture
def catalogue_cache(db):
    """A shipped design challenge with an editorial: 10 auto-graded points, 4 free-text."""
    package = read_package(CATALOGUE / "catalogue-cache-design")
    return challenge_import_package(package=package).challenge


def submit(api_client, callbacks, **data):
    with callbacks(execute=True):
        response = api_client.post("/api/submissions/", data, format="json")
    return response


def post(api_client, answers, challenge="cache-sizing"):
    return api_client.post(
        "/api/submissions/",
        {"challenge": challenge, "mode": "submit", "answers": answers},
        format="json",
    )


def test_answers_are_graded_and_free_text_waits_for_review(
    api_client, cache_sizing, django_capture_on_commit_callbacks
):
    answers = {"hot-set": 380, "eviction": 1, "invalidation": [1, 2], "layers": [1, 2, 0],
               "stampede": "Coalesce requests behind a lock."}  # fmt: skip
    response = submit(
        api_client,
        django_capture_on_commit_callbacks,
        challenge="cache-sizing",
        mode="submit",
        answers=answers,
    )
    assert response.status_code == 201
    body = api_client.get(f"/api/submissions/{response.json()['id']}/").json()
    assert (body["status"], body["verdict"], body["score"]) == ("done", "pending_review", 0.625)
    assert body["results"][-1]["status"] == "pending_review"
    assert body["answers"]["stampede"] == "Coalesce requests behind a lock."
    # Each row shows its answer, read from the submission: stored once, not copied per row.
    assert {row["name"]: row["answer"] for row in body["results"]} == answers
    stored = Submission.objects.get(pk=body["id"])
    assert all("answer" not in row for row in stored.results)


def test_design_needs_answers_not_code(api_client, cache_sizing):
    response = api_client.post(
        "/api/submissions/",
        {"challenge": "cache-sizing", "mode": "submit", "code": "print(1)"},
        format="json",
    )
    assert response.status_code == 400
    assert response.json() == {"answers": ["a design challenge is answered with `answers`"]}


def test_unknown_questions_are_refused_by_name(api_client, cache_sizing):
    response = post(api_client, {"nope": 1, "eviction": 1})
    assert response.status_code == 400
    assert response.json() == {
        "answers": {"nope": ["unknown question: this challenge has no such question"]}
    }
    many = post(api_client, {f"q{n}-" + "x" * 10_000: 1 for n in range(50)})
    assert many.status_code == 400
    assert many.json() == {
        "answers": ["50 unknown question names; answer only this challenge's questions"]
    }


SINGLE = "pick one option: a whole number from 0 to 2"
MULTIPLE = "pick options: a list of distinct whole numbers from 0 to 3"
ESTIMATE = "an estimate is a finite number between -1e+18 and 1e+18"
ORDERING = "an ordering lists each item index from 0 to 2 once"


@pytest.mark.parametrize(
    ("question", "answer", "message"),
    [
        ("eviction", [[0]], SINGLE),
        ("eviction", True, SINGLE),
        ("eviction", 3, SINGLE),
        ("eviction", -1, SINGLE),
        ("eviction", 1.0, SINGLE),
        ("eviction", "1", SINGLE),
        ("invalidation", [0, "a"], MULTIPLE),
        ("invalidation", [[0]], MULTIPLE),
        ("invalidation", [1, 1], MULTIPLE),
        ("invalidation", [4], MULTIPLE),
        ("invalidation", 1, MULTIPLE),
        ("invalidation", {"0": 1}, MULTIPLE),
        ("hot-set", 10**401 - 1, ESTIMATE),
        ("hot-set", 1e19, ESTIMATE),
        ("hot-set", "400", ESTIMATE),
        ("hot-set", False, ESTIMATE),
        ("hot-set", [400], ESTIMATE),
        ("layers", [0, 1], ORDERING),
        ("layers", [0, 1, 1], ORDERING),
        ("layers", [0, 1, 2, 3], ORDERING),
        ("layers", [0, 1, True], ORDERING),
        ("layers", [0.0, 1, 2], ORDERING),
        ("layers", "012", ORDERING),
        ("stampede", 5, "a free-text answer is a string"),
        ("stampede", ["x"], "a free-text answer is a string"),
        ("stampede", "x" * 10_001, "a free-text answer is at most 10000 characters"),
    ],
    ids=lambda value: repr(value)[:30],
)
def test_answers_of_the_wrong_shape_are_refused_with_a_message_per_question(
    api_client, cache_sizing, question, answer, message
):
    response = post(api_client, {"eviction": 1, question: answer})
    assert response.status_code == 400
    assert response.json() == {"answers": {question: [message]}}
    assert not Submission.objects.exists()


def test_every_wrong_question_is_reported_at_once(api_client, cache_sizing):
    response = post(api_client, {"eviction": [[0]], "layers": [0], "hot-set": 400})
    assert response.status_code == 400
    assert response.json() == {"answers": {"eviction": [SINGLE], "layers": [ORDERING]}}


def test_answers_at_the_edges_are_accepted(
    api_client, cache_sizing, django_capture_on_commit_callbacks
):
    answers = {"hot-set": -1e18, "eviction": 0, "invalidation": [], "layers": [2, 0, 1],
               "stampede": "x" * 10_000}  # fmt: skip
    response = submit(
        api_client, django_capture_on_commit_callbacks, challenge="cache-sizing",
        mode="submit", answers=answers,
    )  # fmt: skip
    assert response.status_code == 201, response.json()
    body = api_client.get(f"/api/submissions/{response.json()['id']}/").json()
    assert (body["status"], body["verdict"], body["passed"]) == ("done", "pending_review", False)
    # A question left out or null is unanswered: wrong, not refused.
    response = submit(
        api_client, django_capture_on_commit_callbacks, challenge="cache-sizing",
        mode="submit", answers={"eviction": None},
    )  # fmt: skip
    assert response.status_code == 201, response.json()


def test_the_whole_answers_object_is_capped(db):
    from challenges.kinds.design import MAX_ANSWERS_BYTES, answers_problems
    from challenges.models import TestCase

    questions = [
        TestCase(name=f"q{n}", input={"type": "text", "prompt": "?", "rubric": []})
        for n in range(8)
    ]
    answers = {f"q{n}": "x" * 9_000 for n in range(8)}
    size = len(str(answers).encode())
    assert size > MAX_ANSWERS_BYTES
    assert answers_problems(questions, answers) == [
        f"answers are limited to {MAX_ANSWERS_BYTES} bytes in all (got {size})"
    ]
    assert answers_problems(questions, {"q0": "x"}) == []
    assert answers_problems(questions, [1]) == ["answers must be an object keyed by question name"]


def test_design_cannot_be_run(api_client, cache_sizing):
    response = api_client.post(
        "/api/submissions/",
        {"challenge": "cache-sizing", "mode": "run", "answers": {}},
        format="json",
    )
    assert response.json() == {"mode": ["design challenges are submitted, not run"]}


KEY = {
    "hot-set-memory": 1.8,
    "db-load-300s-ttl": 1867,
    "freshness-policy": 2,
    "edit-order": 1,
    "document-contents": [0, 1],
    "coalesced-miss": [1, 3, 0, 4, 2],
}


def editorial(api_client) -> str | None:
    return api_client.get("/api/challenges/catalogue-cache-design/").json()["editorial_html"]


def progress(api_client) -> str:
    listing = api_client.get("/api/challenges/?kind=design").json()["results"]
    return next(item for item in listing if item["slug"] == "catalogue-cache-design")["progress"]


def test_the_editorial_unlocks_at_the_pass_mark_not_on_any_submit(
    api_client, catalogue_cache, django_capture_on_commit_callbacks
):
    def send(answers) -> dict:
        response = submit(
            api_client, django_capture_on_commit_callbacks,
            challenge="catalogue-cache-design", mode="submit", answers=answers,
        )  # fmt: skip
        assert response.status_code == 201, response.json()
        return api_client.get(f"/api/submissions/{response.json()['id']}/").json()

    # Before: any finished design submit unlocked the editorial, with the answer key in it.
    empty = send({})
    assert (empty["status"], empty["passed"]) == ("done", False)
    assert editorial(api_client) is None
    assert progress(api_client) == "attempted"

    # 6 of the 10 auto-graded points: under the default pass mark (0.7).
    below = send({**KEY, "db-load-300s-ttl": 1, "document-contents": [2]})
    assert (below["verdict"], below["passed"]) == ("pending_review", False)
    assert editorial(api_client) is None

    # 7 of 10 while the free text waits for review: passes.
    at_mark = send({**KEY, "db-load-300s-ttl": 1, "flash-sale-stampede": "Coalesce misses."})
    assert (at_mark["verdict"], at_mark["passed"]) == ("pending_review", True)
    assert editorial(api_client)
    assert progress(api_client) == "solved"
