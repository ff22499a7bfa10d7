"""A kind added by settings alone (issue 11): the toy glossary kind (tests/challenges/toy_kind.py),
registered only through override_settings, loads as a package, validates, is submitted through
the HTTP API and graded, and its challenge page renders with its own templates. No file outside
tests/ names it in code."""

import json
import subprocess
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings

from challenges.models import Challenge
from submissions.models import Submission
from tests.challenges import toy_kind

SLUG = "http-glossary"
CASES = [
    {"name": "safe-retry", "visibility": "example",
     "input": {"definition": "An operation that has the same effect however often it is applied."},
     "expected": "idempotent", "category": "http", "hint": "Think of PUT and DELETE."},
    {"name": "cache-check", "visibility": "hidden",
     "input": {"definition": "The header naming a version of a resource, for If-None-Match."},
     "expected": "etag", "category": "caching", "hint": "Two letters, then a noun."},
    {"name": "many-at-once", "visibility": "hidden", "weight": 2,
     "input": {"definition": "Many requests for the same missing cache entry at the same moment."},
     "expected": "stampede", "category": "caching", "hint": "Cattle do it."},
]  # fmt: skip
RIGHT = {"safe-retry": "idempotent", "cache-check": " ETag ", "many-at-once": "stampede"}


def write_package(parent: Path) -> Path:
    folder = parent / SLUG
    folder.mkdir()
    (folder / "challenge.toml").write_text(
        f'slug = "{SLUG}"\ntitle = "HTTP glossary"\nkind = "{toy_kind.NAME}"\n'
        'difficulty = "easy"\nskills = { api-design = 1 }\ntags = ["http"]\n'
        'context = "e-commerce"\n'
    )
    (folder / "statement.md").write_text("Name the term each definition describes.\n")
    (folder / "cases.json").write_text(json.dumps({"cases": CASES}))
    return folder


@pytest.fixture
def with_toy_kind():
    engine = {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], toy_kind.TEMPLATES]}
    with override_settings(
        CHALLENGE_KINDS={**settings.CHALLENGE_KINDS, toy_kind.NAME: toy_kind.MODULE},
        TEMPLATES=[engine, *settings.TEMPLATES[1:]],
        TASKS={"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}},
    ):
        yield


@pytest.fixture
def glossary(db, with_toy_kind, tmp_path):
    call_command("loadchallenges", str(write_package(tmp_path)), stdout=StringIO())
    return Challenge.objects.get(slug=SLUG)


def test_unregistered_the_kind_is_refused(db, tmp_path):
    with pytest.raises(CommandError):
        call_command(
            "loadchallenges", str(write_package(tmp_path)), stdout=StringIO(), stderr=StringIO()
        )
    assert not Challenge.objects.filter(slug=SLUG).exists()


def test_a_package_of_the_kind_loads_and_validates(glossary):
    assert glossary.kind == "glossary"
    assert glossary.get_kind_display() == "Glossary"
    assert glossary.is_published
    assert list(glossary.current_version.cases.values_list("name", "expected")) == [
        ("safe-retry", "idempotent"),
        ("cache-check", "etag"),
        ("many-at-once", "stampede"),
    ]
    out = StringIO()
    call_command("validatechallenges", SLUG, stdout=out)
    assert f"ok   {SLUG}" in out.getvalue()
    assert "1 valid, 0 invalid" in out.getvalue()


def test_the_kinds_own_checks_refuse_a_bad_package(db, with_toy_kind, tmp_path):
    folder = write_package(tmp_path)
    bad = [{**CASES[0], "expected": "Two Words"}, *CASES[1:]]
    (folder / "cases.json").write_text(json.dumps({"cases": bad}))
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("loadchallenges", str(folder), stdout=StringIO(), stderr=err)
    assert "cases.json: case 1: expected is one lowercase word" in err.getvalue()


def submit(api_client, callbacks, answers):
    with callbacks(execute=True):
        response = api_client.post(
            "/api/submissions/",
            {"challenge": SLUG, "mode": "submit", "answers": answers},
            format="json",
        )
    assert response.status_code == 201, response.content
    return api_client.get(f"/api/submissions/{response.json()['id']}/").json()


def test_it_is_submitted_through_the_api_and_graded(
    glossary, api_client, django_capture_on_commit_callbacks
):
    wrong = submit(
        api_client,
        django_capture_on_commit_callbacks,
        {"safe-retry": "idempotent", "cache-check": "hash", "many-at-once": "herd"},
    )
    assert wrong["status"] == "done"
    assert wrong["verdict"] == "wrong_answer"
    assert wrong["score"] == 0.25
    assert wrong["message"] == "Wrong answer on cache-check"
    assert wrong["results"] == [
        {"ordinal": 1, "name": "safe-retry", "visibility": "example", "status": "passed",
         "passed": True, "input": CASES[0]["input"], "expected": "idempotent",
         "actual": "idempotent", "kind": "glossary", "answer": "idempotent"},
        {"ordinal": 2, "name": "cache-check", "visibility": "hidden", "status": "wrong_answer",
         "passed": False, "category": "caching", "hint": "Two letters, then a noun.",
         "kind": "glossary", "answer": "hash"},
        {"ordinal": 3, "name": "many-at-once", "visibility": "hidden", "status": "wrong_answer",
         "passed": False, "category": "caching", "hint": "Cattle do it.", "kind": "glossary",
         "answer": "herd"},
    ]  # fmt: skip
    right = submit(api_client, django_capture_on_commit_callbacks, RIGHT)
    assert (right["verdict"], right["score"]) == ("accepted", 1.0)
    assert [row["kind"] for row in right["results"]] == ["glossary"] * 3
    assert Submission.objects.get(pk=right["id"]).passed


def test_the_kinds_answer_rules_are_the_apis(glossary, api_client):
    response = api_client.post(
        "/api/submissions/",
        {"challenge": SLUG, "mode": "submit", "answers": {"nope": "x"}},
        format="json",
    )
    assert response.status_code == 400
    assert response.json() == {"answers": {"nope": ["not a term of this glossary"]}}
    response = api_client.post(
        "/api/submissions/", {"challenge": SLUG, "mode": "submit", "code": "x"}, format="json"
    )
    assert response.status_code == 400
    assert "answers" in response.json()


def test_its_page_renders_with_its_templates(glossary, client, candidate):
    client.force_login(candidate)
    page = client.get(f"/challenges/{SLUG}/").content.decode()
    assert '<span class="tag kind-glossary">Glossary</span>' in page
    # Its example.html shows the visible case, its answer.html replaces the code editor.
    assert '<dl class="glossary-example"><dt>Definition</dt>' in page
    assert "<code>idempotent</code>" in page
    assert '<form id="glossary-form"' in page
    assert 'name="cache-check"' in page
    assert 'id="code"' not in page
    # A hidden case's answer never reaches the page.
    assert "stampede" not in page
    assert 'data-kind="glossary"' in page
    catalogue = client.get("/challenges/?kind=glossary").content.decode()
    assert "HTTP glossary" in catalogue


CODE = ("*.py", "*.js", "*.mjs", "*.html", "*.toml", "*.json")


def test_no_code_outside_tests_names_the_toy_kind():
    # Code, templates and settings; docs/architecture.md uses it as the worked example.
    named = subprocess.run(
        ["git", "grep", "-l", "-i", "-e", "glossary", "-e", "toy_kind", "--", *CODE, ":!tests/"],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
    )
    assert named.returncode in (0, 1), named.stderr
    assert named.stdout.splitlines() == []


def test_the_api_filters_by_it_and_shows_it(glossary, api_client):
    listed = api_client.get("/api/challenges/?kind=glossary")
    assert listed.status_code == 200
    assert [c["slug"] for c in listed.json()["results"]] == [SLUG]
    detail = api_client.get(f"/api/challenges/{SLUG}/").json()
    assert detail["kind"] == "glossary"
    # The examples' expected words are visible, the hidden ones' are not.
    assert "idempotent" in str(detail)
    assert "stampede" not in str(detail)
