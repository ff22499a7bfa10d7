"""The migration that makes stored result rows name their kind: each row gets its challenge's
kind, rows that have one keep it, and whatever isn't a row is left alone."""

import importlib

from django.apps import apps

from submissions.models import Submission
from tests.submissions.test_progress import make_challenge

add_kind = importlib.import_module("submissions.migrations.0006_results_carry_their_kind").add_kind


def test_stored_rows_get_their_challenges_kind(candidate):
    code = make_challenge("code", title="Code")
    design = make_challenge("design", title="Design", kind="design")

    def old(challenge, results):
        return Submission.objects.create(
            user=candidate, version=challenge.current_version, status="done", results=results
        )

    python_rows = old(code, [{"name": "a", "passed": True}, {"name": "b", "passed": False}])
    design_rows = old(design, [{"name": "q1", "type": "single", "points": 2}])
    odd = old(code, [{"name": "a", "kind": "sql"}, "not a row", 7])
    empty = old(code, [])
    not_a_list = old(code, {"name": "a"})

    add_kind(apps, None)

    def results(submission):
        submission.refresh_from_db()
        return submission.results

    assert results(python_rows) == [
        {"name": "a", "passed": True, "kind": "python"},
        {"name": "b", "passed": False, "kind": "python"},
    ]
    assert results(design_rows) == [{"name": "q1", "type": "single", "points": 2, "kind": "design"}]
    assert results(odd) == [{"name": "a", "kind": "sql"}, "not a row", 7]
    assert results(empty) == []
    assert results(not_a_list) == {"name": "a"}
