"""The API and SQL format features end to end: per-scenario seed data, exact JSON matching,
SQL order_by and DML mode, each through loadchallenges + validatechallenges in the sandbox,
then graded for the feedback a candidate sees."""

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from challenges import kinds
from challenges.models import Challenge

PACKAGES = Path(__file__).parent / "packages"

pytestmark = pytest.mark.docker


def loaded(slug: str):
    call_command("loadchallenges", str(PACKAGES / slug))
    return Challenge.objects.get(slug=slug).current_version


def grade(version, code, audience="candidate"):
    return kinds.grade(
        version=version, code=code, cases=version.cases.order_by("ordinal"), audience=audience
    )


@pytest.mark.parametrize("slug", ["top-spenders", "payout-batch", "seeded-wallets"])
def test_package_loads_and_validates_in_the_sandbox(db, slug, capsys):
    loaded(slug)
    call_command("validatechallenges", slug)
    assert f"ok   {slug}" in capsys.readouterr().out


def test_validation_reports_an_order_by_column_the_result_lacks(db, tmp_path, capsys):
    version = loaded("top-spenders")
    version.config = {**version.config, "order_by": [{"column": "spend", "desc": True}]}
    version.save(update_fields=["config"])
    with pytest.raises(CommandError):
        call_command("validatechallenges", "top-spenders")
    out = capsys.readouterr().out
    assert (
        "reference fails case 2 (ties): wrong_answer: order_by names the column 'spend', "
        "which the result does not have (its columns: customer_id, spent_cents)"
    ) in out


def test_order_by_accepts_ties_in_any_order_and_names_the_rows_out_of_order(db):
    version = loaded("top-spenders")
    ties_swapped = (
        "SELECT customer_id, SUM(total_cents) AS spent_cents FROM orders "
        "GROUP BY customer_id ORDER BY spent_cents DESC, customer_id DESC -- ties swapped"
    )
    assert grade(version, ties_swapped).verdict == "accepted"
    result = grade(version, version.mutants[0]["code"])
    example, hidden = result.cases
    assert example["diff"] == {
        "order": "rows 1 and 2 are not in the order ORDER BY spent_cents DESC asks for: "
        "[13, 100] comes before [11, 300]"
    }
    # A hidden case says only that it failed: no rows, no order note.
    assert hidden == {
        "kind": "sql",
        "ordinal": 2,
        "name": "ties",
        "visibility": "hidden",
        "status": "wrong_answer",
        "passed": False,
        "category": "ordering",
        "hint": "Biggest spenders first.",
    }


def test_dml_statements_run_then_the_check_query_reads_the_result(db):
    version = loaded("payout-batch")
    # A last statement may end in a comment without a ";".
    result = grade(version, version.reference_solution.rstrip().rstrip(";") + " -- paid")
    assert result.verdict == "accepted"
    example = result.cases[0]
    assert example["input"] == {
        "dataset": "seed",
        "check": "SELECT id, balance_cents FROM accounts",
    }
    assert example["actual"] == {
        "columns": ["id", "balance_cents"],
        "rows": [[1, 500], [2, 500], [3, 50]],
    }


def test_a_failing_dml_statement_is_named(db):
    version = loaded("payout-batch")
    result = grade(version, "UPDATE accounts SET balance_cents = 0;\nUPDATE nowhere SET x = 1;")
    assert result.verdict == "runtime_error"
    assert result.cases[0]["error"] == "statement 2: OperationalError: no such table: nowhere"
    result = grade(version, "UPDATE accounts SET balance_cents = 0;\nUPDATE SET x = 1;")
    assert result.verdict == "syntax_error"
    assert 'statement 2: OperationalError: near "SET": syntax error' in result.message


def test_dml_mode_refuses_a_query_that_changes_nothing(db):
    version = loaded("payout-batch")
    result = grade(version, "-- nothing to do\n;;")
    assert result.verdict == "syntax_error"
    assert "there are no statements" in result.message


def test_setup_reaches_the_factory_and_exact_matching_catches_an_extra_field(db):
    version = loaded("seeded-wallets")
    assert grade(version, version.reference_solution).verdict == "accepted"
    result = grade(version, version.mutants[0]["code"])
    example = result.cases[0]
    assert example["mismatch"] == {
        "step": 0,
        "detail": "body: unexpected keys 'owner' (expected exactly "
        "['balance', 'currency', 'id', 'meta'])",
    }
    # The seed of a visible scenario is shown with its requests; a hidden one's never is.
    assert example["input"]["setup"] == {
        "wallets": [{"id": "w1", "owner": "ana", "balance": 500, "currency": "EUR"}]
    }
    assert set(result.cases[1]) == {
        "kind",
        "ordinal",
        "name",
        "visibility",
        "status",
        "passed",
        "category",
        "hint",
    }
