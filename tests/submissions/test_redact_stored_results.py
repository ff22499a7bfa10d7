"""The migration that redacts and bounds results stored before the hidden-case rules: hidden
rows lose what the code produced, a submit's output and odd messages go, values are bounded."""

import importlib

from django.apps import apps

from submissions.models import Submission

migration = importlib.import_module("submissions.migrations.0005_redact_and_cap_stored_results")


def test_old_results_are_redacted_and_bounded(candidate, order_total):
    version = order_total.current_version
    example = version.cases.get(visibility="example", ordinal=1)
    hidden = version.cases.filter(visibility="hidden").first()
    nested = "x"
    for _ in range(40):
        nested = [nested]
    leaky_row = {
        "ordinal": hidden.ordinal,
        "name": hidden.name,
        "visibility": "hidden",
        "status": "runtime_error",
        "passed": False,
        "category": hidden.category,
        "hint": hidden.hint,
        "time_ms": 620,
        "error": "LeakError",
        "diff": {"extra_count": 4095},
    }
    visible_row = {
        "ordinal": example.ordinal,
        "name": example.name,
        "visibility": "example",
        "status": "passed",
        "passed": True,
        "input": example.input,
        "expected": example.expected,
        "actual": {"deep": nested},
        "time_ms": 3,
        "error": "",
    }

    def old(**fields):
        return Submission.objects.create(user=candidate, version=version, status="done", **fields)

    submit = old(
        mode="submit",
        verdict="runtime_error",
        results=[visible_row, leaky_row],
        stdout="hidden input: secret",
        stderr="secret",
        message="RuntimeError: {'cases': [{'input': 'secret'}]}",
    )
    standard = old(
        mode="submit", verdict="wrong_answer", results=[], message=f"Wrong answer on {hidden.name}"
    )
    run = old(mode="run", verdict="accepted", results=[visible_row], stdout="mine", message="x")

    migration.redact_and_cap(apps, None)

    submit.refresh_from_db()
    assert submit.results[1] == {
        key: leaky_row[key]
        for key in ("ordinal", "name", "visibility", "category", "status", "passed", "hint")
    }
    assert submit.results[0]["actual"]["__truncated__"] is True  # 41 deep: bounded
    assert (submit.stdout, submit.stderr) == ("", "")
    assert submit.message == migration.REPLACED_MESSAGE
    standard.refresh_from_db()
    assert standard.message == f"Wrong answer on {hidden.name}"
    run.refresh_from_db()
    assert (run.stdout, run.message) == ("mine", "x")  # a run only ever saw visible cases
