"""Schema challenges: package checks, step judging and plan checks, and grading in the sandbox."""

from pathlib import Path

import pytest

from challenges import kinds
from challenges.kinds.schema import case_problems, judge_step, plan_problem
from challenges.packages import CaseSpec, read_package
from challenges.services import challenge_import_package

PACKAGE = Path(__file__).parent / "packages" / "coupon-redemptions"
SOLUTION = (PACKAGE / "solution.sql").read_text()


@pytest.fixture
def coupons(db):
    return challenge_import_package(package=read_package(PACKAGE)).version


def grade(version, ddl, audience="candidate"):
    return kinds.grade(
        version=version, code=ddl, cases=version.cases.order_by("ordinal"), audience=audience
    )


def spec(steps, expected=None):
    return CaseSpec(name="c", visibility="hidden", input={"steps": steps}, expected=expected or {})


def test_the_package_reads_as_a_schema_challenge():
    package = read_package(PACKAGE)
    assert package.kind == "schema"
    assert package.reference_solution == SOLUTION
    assert [m.name for m in package.mutants] == ["no-index", "order-redeems-twice"]


@pytest.mark.parametrize(
    ("steps", "expected", "problem"),
    [
        ([], {}, 'cases.json: case 3: input is {"steps": [...]} with 1-200 steps'),
        (
            [{"accept": "INSERT INTO t VALUES (1)", "reject": "INSERT INTO t VALUES (1)"}],
            {},
            "cases.json: case 3: step 1: a step is an object with exactly one of "
            "['accept', 'reject', 'query']",
        ),
        (
            [{"accept": "  "}],
            {},
            "cases.json: case 3: step 1: accept must be non-empty text",
        ),
        (
            [{"reject": "INSERT INTO t VALUES (1)", "violates": "primary"}],
            {},
            "cases.json: case 3: step 1: violates must be one of "
            "['not_null', 'unique', 'check', 'foreign_key', 'trigger', 'datatype']",
        ),
        (
            [{"accept": "INSERT INTO t VALUES (1)", "name": "x"}],
            {},
            "cases.json: case 3: step 1: unknown key(s) for a accept step: ['name']",
        ),
        (
            [{"query": "SELECT 1"}],
            {},
            "cases.json: case 3: step 1: a query step needs a name (must be non-empty text)",
        ),
        (
            [{"query": "SELECT 1", "name": "q"}],
            {},
            "cases.json: case 3: step 1: a query needs an expected result or a plan check",
        ),
        (
            [{"query": "SELECT 1", "name": "q"}],
            {"q": {"columns": ["a"]}},
            'cases.json: case 3: expected \'q\' is {"columns": [...], "rows": [[...]]}',
        ),
        (
            [{"query": "SELECT 1", "name": "q", "uses_index_on": ["t; DROP"]}],
            {},
            "cases.json: case 3: step 1: uses_index_on must be a list of at most 10 table names",
        ),
        (
            [{"query": "SELECT 1", "name": "q", "uses_index_on": ["t"]}],
            {"r": {"columns": [], "rows": []}},
            "cases.json: case 3: expected has 'r', which no query step names",
        ),
        (
            [{"query": "SELECT 1", "name": "q", "index_columns": {"t": []}}],
            {},
            "cases.json: case 3: step 1: index_columns maps at most 10 table names to lists "
            "of 1-10 column names",
        ),
    ],
)
def test_case_problems_name_the_case_and_step(steps, expected, problem):
    assert case_problems(3, spec(steps, expected)) == [problem]


def test_a_well_formed_case_has_no_problems():
    steps = [
        {"accept": "INSERT INTO t VALUES (1)", "note": "one row"},
        {"reject": "INSERT INTO t VALUES (1)", "violates": "unique"},
        {"query": "SELECT a FROM t", "name": "all", "ordered": True},
        {"query": "SELECT a FROM t WHERE a = 1", "name": "one", "no_full_scan": ["t"]},
    ]
    assert case_problems(1, spec(steps, {"all": {"columns": ["a"], "rows": [[1]]}})) == []


def test_steps_are_judged_on_what_happened():
    accept, reject = {"accept": "INSERT"}, {"reject": "INSERT", "violates": "foreign_key"}
    unique = {"ok": False, "error": "IntegrityError: UNIQUE constraint failed: t.a"}
    assert judge_step(accept, {"ok": True}, {}, {}) == {"passed": True, "detail": "accepted"}
    assert judge_step(accept, {**unique, "constraint": "unique"}, {}, {}) == {
        "passed": False,
        "detail": "refused: IntegrityError: UNIQUE constraint failed: t.a",
    }
    assert judge_step(reject, {"ok": True}, {}, {}) == {
        "passed": False,
        "detail": "accepted, but it must be refused",
    }
    assert judge_step(reject, {**unique, "constraint": "unique"}, {}, {}) == {
        "passed": False,
        "detail": "refused by UNIQUE (or PRIMARY KEY); it must be refused by FOREIGN KEY: "
        "IntegrityError: UNIQUE constraint failed: t.a",
    }
    # A statement that fails for another reason (a missing table) is not a rejection.
    missing = {"ok": False, "error": "OperationalError: no such table: t", "constraint": None}
    assert judge_step({"reject": "INSERT"}, missing, {}, {}) == {
        "passed": False,
        "detail": "failed, but not by a constraint: OperationalError: no such table: t",
    }


def test_query_steps_compare_tables_unordered_unless_asked():
    step = {"query": "SELECT a FROM t", "name": "q"}
    expected = {"q": {"columns": ["a"], "rows": [[1], [2]]}}
    reversed_rows = {"table": {"columns": ["a"], "rows": [[2], [1]]}}
    assert judge_step(step, reversed_rows, expected, {})["passed"] is True
    ordered = judge_step({**step, "ordered": True}, reversed_rows, expected, {})
    assert (ordered["passed"], ordered["detail"]) == (False, "the right rows in the wrong order")
    short = judge_step(step, {"table": {"columns": ["a"], "rows": [[1]]}}, expected, {})
    assert (short["passed"], short["detail"]) == (False, "1 row(s) missing, 0 extra")
    failed = judge_step(step, {"error": "OperationalError: no such column: a"}, expected, {})
    assert failed == {
        "passed": False,
        "detail": "the query failed: OperationalError: no such column: a",
    }


@pytest.mark.parametrize(
    ("check", "plan", "problem"),
    [
        ({"uses_index_on": ["orders"]}, ["SEARCH orders USING INDEX ix (c=?)"], ""),
        ({"uses_index_on": ["orders"]}, ["SEARCH orders USING INTEGER PRIMARY KEY (rowid=?)"], ""),
        (
            {"uses_index_on": ["orders"]},
            ["SCAN orders"],
            "the query doesn't look orders rows up through an index (plan: SCAN orders)",
        ),
        (
            # An index SQLite builds for this one query is not the schema's index.
            {"uses_index_on": ["orders"]},
            ["SEARCH orders USING AUTOMATIC COVERING INDEX (c=?)"],
            "the query doesn't look orders rows up through an index "
            "(plan: SEARCH orders USING AUTOMATIC COVERING INDEX (c=?))",
        ),
        ({"no_full_scan": ["orders"]}, ["SCAN items", "SEARCH orders USING INDEX ix (c=?)"], ""),
        (
            {"no_full_scan": ["orders"]},
            ["SCAN orders USING COVERING INDEX ix"],
            "the query reads all of orders (plan: SCAN orders USING COVERING INDEX ix)",
        ),
        ({"no_full_scan": ["orders"]}, "SCAN orders", "no query plan"),
        (
            {"index_columns": {"tasks": ["tenant_id", "project_id"]}},
            ["SEARCH tasks USING INDEX tasks_project (tenant_id=? AND project_id=?)"],
            "",
        ),
        (
            {"index_columns": {"slots": ["clinician_id", "starts_at"]}},
            ["SEARCH slots USING INDEX ix (clinician_id=? AND starts_at>? AND starts_at<?)"],
            "",
        ),
        (
            # The primary key narrows to the tenant only: every task of the tenant is read.
            {"index_columns": {"tasks": ["tenant_id", "project_id"]}},
            ["SEARCH tasks USING INDEX sqlite_autoindex_tasks_1 (tenant_id=?)"],
            "the query doesn't look tasks rows up through an index on (tenant_id, project_id) "
            "(plan: SEARCH tasks USING INDEX sqlite_autoindex_tasks_1 (tenant_id=?))",
        ),
    ],
)
def test_plan_checks(check, plan, problem):
    assert plan_problem(check, plan) == problem


@pytest.mark.docker
def test_reference_is_accepted_and_the_starter_is_not(coupons):
    assert grade(coupons, SOLUTION).verdict == "accepted"
    starter = grade(coupons, coupons.starter_code)
    assert starter.verdict == "wrong_answer"
    example = starter.cases[0]
    assert example["kind"] == "schema"
    assert [(s["type"], s["passed"], s["detail"]) for s in example["steps"]] == [
        ("accept", True, "accepted"),
        ("accept", True, "accepted"),
        ("reject", False, "accepted, but it must be refused"),
        ("query", True, ""),
    ]
    assert example["steps"][3]["actual"] == {"columns": ["order_id"], "rows": [[501], [502]]}


@pytest.mark.docker
def test_a_missing_index_fails_the_plan_check_and_a_hidden_case_shows_only_its_hint(coupons):
    no_index = next(m["code"] for m in coupons.mutants if m["name"] == "no-index")
    result = grade(coupons, no_index)
    assert result.verdict == "wrong_answer"
    assert [row["status"] for row in result.cases] == ["passed"] * 3 + ["wrong_answer"]
    assert result.cases[3] == {
        "kind": "schema",
        "ordinal": 4,
        "name": "lookup by coupon",
        "visibility": "hidden",
        "status": "wrong_answer",
        "passed": False,
        "category": "index",
        "hint": "Index the column the lookup filters on.",
    }
    # The author validating their own challenge sees why.
    author = grade(coupons, no_index, audience="author")
    assert author.cases[3]["steps"][1]["detail"] == (
        "the query doesn't look redemptions rows up through an index (plan: SCAN redemptions)"
    )


@pytest.mark.docker
def test_foreign_keys_are_enforced_and_checked_by_class(coupons):
    # Without REFERENCES the unknown coupon is accepted: foreign keys are on in the sandbox.
    no_fk = SOLUTION.replace("REFERENCES coupons (code)", "")
    assert grade(coupons, no_fk, audience="author").cases[2]["steps"][0]["detail"] == (
        "accepted, but it must be refused"
    )
    # Refusing it with a CHECK instead is the wrong constraint: the step names FOREIGN KEY.
    wrong_class = SOLUTION.replace("REFERENCES coupons (code)", "CHECK (coupon_code <> 'NOPE')")
    detail = grade(coupons, wrong_class, audience="author").cases[2]["steps"][0]["detail"]
    assert detail.startswith("refused by CHECK; it must be refused by FOREIGN KEY")


@pytest.mark.docker
def test_syntax_error_and_a_schema_that_does_not_build_are_reported_once(coupons):
    result = grade(coupons, "CREATE TABLE coupons (code TEXT PRIMARY KEY,")
    assert result.verdict == "syntax_error"
    assert result.message == "OperationalError: incomplete input"
    assert {row["status"] for row in result.cases} == {"not_run"}
    broken = grade(coupons, "CREATE INDEX ix ON nowhere (x);")
    assert broken.verdict == "runtime_error"
    assert broken.message == (
        "the schema doesn't build: OperationalError: no such table: main.nowhere"
    )
