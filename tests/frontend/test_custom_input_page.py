"""The "Your input" panel on the challenge page (offered by kinds that support custom input,
prefilled with the first example's arguments) and a custom run on the submission page."""

import html
import re
from pathlib import Path

import pytest

from challenges.packages import read_package
from challenges.python_literals import parse_arguments, write_arguments
from challenges.services import challenge_import_package
from submissions.models import Submission
from tests.conftest import CATALOGUE

PACKAGES = Path(__file__).parent.parent / "challenges" / "packages"
FIRST_EXAMPLE = {
    "args": [
        [{"sku": "MUG-01", "unit_price_cents": 1299, "quantity": 2}],
        {"type": "percent", "value": 10},
    ],
    "kwargs": {},
}


def load(name: str):
    return challenge_import_package(package=read_package(PACKAGES / name)).challenge


def test_python_page_offers_the_panel_prefilled(client, ada, order_total):
    page = client.get("/challenges/order-total/").content.decode()
    assert '<details class="custom-input" id="custom-input-panel">' in page
    assert (
        '<label for="custom-input" class="custom-input-label">Arguments of order_total(...)</label>'
        in page
    )
    # The first example's call, as literals (keys in the database's order: PostgreSQL's jsonb
    # sorts them), which reads back as the same arguments.
    prefill = re.search(r'aria-describedby="custom-input-help">([^<]*)</textarea>', page)
    assert parse_arguments(html.unescape(prefill.group(1))) == FIRST_EXAMPLE
    assert html.unescape(prefill.group(1)).startswith("[{'")
    assert '<button type="button" class="button" id="custom-run-button" disabled>' in page


def test_sql_page_offers_an_empty_statements_box(client, ada, db):
    load("late-orders")
    page = client.get("/challenges/late-orders/").content.decode()
    assert "Statements to run on the example data first (optional)" in page
    assert 'aria-describedby="custom-input-help"></textarea>' in page
    assert ">Clear</button>" in page


@pytest.mark.parametrize("package", ["cache-sizing", "coupon-redemptions"])
def test_kinds_without_custom_input_show_no_panel(client, ada, db, package):
    challenge = load(package)
    page = client.get(f"/challenges/{challenge.slug}/").content.decode()
    assert "custom-input" not in page


@pytest.mark.parametrize("slug", ["consistent-hashing-ring", "appointment-slot-finder"])
def test_python_classes_and_programs_show_no_panel(client, ada, db, slug):
    """A class's ops and a program's stdin are not call arguments: no custom input."""
    challenge_import_package(package=read_package(CATALOGUE / slug))
    page = client.get(f"/challenges/{slug}/").content.decode()
    assert "custom-input" not in page
    response = client.post(
        "/api/submissions/",
        {"challenge": slug, "mode": "custom", "code": "x = 1", "custom_input": "1"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json() == {"custom_input": ["this challenge has no custom input"]}


def test_visitors_see_no_panel(client, order_total):
    assert "custom-input" not in client.get("/challenges/order-total/").content.decode()


def test_a_custom_run_on_the_submission_page(client, ada, order_total):
    submission = Submission.objects.create(
        user=ada,
        version=order_total.current_version,
        mode=Submission.Mode.CUSTOM,
        code="def order_total(items, coupon=None):\n    return {}\n",
        custom_input="[], None",
        status=Submission.Status.DONE,
        verdict="wrong_answer",
        score=0.0,
        results=[
            {
                "ordinal": 1,
                "name": "Your input",
                "visibility": "example",
                "custom": True,
                "kind": "python",
                "status": "wrong_answer",
                "passed": False,
                "input": {"args": [[], None], "kwargs": {}},
                "expected": {"subtotal_cents": 0, "discount_cents": 0, "total_cents": 0},
                "reference_status": "ok",
                "actual": {},
                "output": "",
                "error": "",
                "time_ms": 1,
            }
        ],
    )
    page = client.get(f"/submissions/{submission.pk}/").content.decode()
    assert "<dt>Mode</dt><dd>Custom run</dd>" in page
    assert (
        '<h2>Your input</h2>\n<pre class="custom-input-shown"><code>[], None</code></pre>' in page
    )
    assert "<pre>order_total([], None)</pre>" in page
    assert "<strong>Expected (reference solution)</strong>" in page
    assert "<strong>Your output</strong>" in page


def _function_examples():
    for folder in sorted(CATALOGUE.iterdir()):
        if not (folder / "challenge.toml").exists():
            continue
        package = read_package(folder)
        if package.kind != "python" or package.config.get("mode", "function") != "function":
            continue
        for case in package.cases:
            if case.visibility == "example" and "ops" not in case.input:
                yield pytest.param(case.input, id=f"{package.slug}:{case.name}")


@pytest.mark.parametrize("case_input", list(_function_examples()))
def test_every_catalogue_example_prefills_text_that_parses_back(case_input):
    """The prefill is the first example's arguments written as literals: reading it back gives
    the same call, for every function example in the catalogue."""
    parsed = parse_arguments(write_arguments(case_input))
    assert parsed == {"args": case_input.get("args", []), "kwargs": case_input.get("kwargs", {})}
