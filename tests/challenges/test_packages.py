"""Reading challenge packages: the shipped one is valid, bad ones list every problem."""

import json
import shutil

import pytest
from django.core.management import CommandError, call_command

from challenges.models import Challenge, ChallengeVersion
from challenges.packages import PackageError, read_package
from tests.conftest import CATALOGUE


@pytest.fixture
def package_copy(tmp_path):
    target = tmp_path / "order-total"
    shutil.copytree(CATALOGUE / "order-total", target)
    return target


def test_shipped_skeleton_package_reads():
    package = read_package(CATALOGUE / "order-total")
    assert package.slug == "order-total"
    assert package.kind == "python"
    assert package.config["entrypoint"] == "order_total"
    assert [c.visibility for c in package.cases].count("example") == 2
    assert len(package.cases) == 12
    assert len(package.digest) == 64


def test_invalid_package_lists_every_problem(package_copy):
    (package_copy / "challenge.toml").write_text(
        'slug = "Bad Slug"\ntitle = ""\nkind = "cobol"\ndifficulty = "extreme"\nskills = []\n'
    )
    (package_copy / "cases.json").write_text(json.dumps({"cases": [{"name": "x"}]}))
    with pytest.raises(PackageError) as info:
        read_package(package_copy)
    assert info.value.problems == [
        "challenge.toml: slug must be lowercase words joined by hyphens "
        "(no '_': that is for organisations)",
        "challenge.toml: slug 'Bad Slug' must match the folder name 'order-total'",
        "challenge.toml: title is required, at most 200 characters",
        "challenge.toml: kind must be one of ['api', 'design', 'python', 'schema', 'sql']",
        "challenge.toml: difficulty must be one of ['easy', 'hard', 'medium']",
        "challenge.toml: skills must be a table of 1 to 3 canonical skills with weights, e.g. "
        "skills = { sql-querying = 0.7, data-modelling = 0.3 } (free-form slugs go in tags)",
        "cases.json: case 1: 'input' must be an object",
        "cases.json: case 1: 'expected' is missing",
        "cases.json: at least one case must be a visible example",
    ]


def test_malformed_json_is_reported_with_its_file(package_copy):
    (package_copy / "cases.json").write_text("{not json")
    with pytest.raises(PackageError) as info:
        read_package(package_copy)
    assert len(info.value.problems) == 1
    assert info.value.problems[0].startswith("cases.json: Expecting property name")


def test_loadchallenges_is_idempotent_and_versions_changes(db, package_copy):
    call_command("loadchallenges", str(package_copy))
    call_command("loadchallenges", str(package_copy))
    challenge = Challenge.objects.get(slug="order-total")
    assert challenge.versions.count() == 1
    assert challenge.current_version.number == 1

    statement = package_copy / "statement.md"
    statement.write_text(statement.read_text() + "\nOne more sentence.\n")
    call_command("loadchallenges", str(package_copy))
    challenge.refresh_from_db()
    assert list(challenge.versions.values_list("number", flat=True)) == [2, 1]
    assert challenge.current_version.number == 2
    assert "One more sentence." in challenge.current_version.statement_html
    # The old version is kept intact for the submissions graded against it.
    assert ChallengeVersion.objects.get(challenge=challenge, number=1).cases.count() == 12


def test_loadchallenges_reports_invalid_packages(db, package_copy):
    (package_copy / "solution.py").unlink()
    with pytest.raises(CommandError, match=r"1 package\(s\) are invalid"):
        call_command("loadchallenges", str(package_copy))
    assert not Challenge.objects.exists()


def test_loadchallenges_stores_the_sql_schema_and_says_when_it_cant(db, tmp_path, capsys):
    package = tmp_path / "late-orders"
    shutil.copytree(
        CATALOGUE.parent.parent / "tests" / "challenges" / "packages" / "late-orders", package
    )
    call_command("loadchallenges", str(package))
    version = Challenge.objects.get(slug="late-orders").current_version
    assert [table["name"] for table in version.sql_schema] == ["orders"]
    assert capsys.readouterr().err == ""
    seed = package / "dataset" / "seed.sql"
    seed.write_text(seed.read_text() + "SELECT zeroblob(900000000);\n")
    call_command("loadchallenges", str(package))
    assert capsys.readouterr().err == (
        "late-orders: the dataset could not be described; the schema panel stays empty "
        "(see the log)\n"
    )
    assert Challenge.objects.get(slug="late-orders").current_version.sql_schema is None


PASS_MARK_PROBLEM = (
    "challenge.toml: [design] pass_mark must be a share of the points, above 0 and at most 1"
)


@pytest.mark.parametrize(
    ("mark", "problem"),
    [
        (0.8, None),
        (1, None),
        (0, PASS_MARK_PROBLEM),
        (1.5, PASS_MARK_PROBLEM),
        ("high", PASS_MARK_PROBLEM),
    ],
)
def test_a_design_package_may_set_its_pass_mark(mark, problem):
    from challenges.packages import kind_config_problems

    assert kind_config_problems("design", {"pass_mark": mark}) == ([problem] if problem else [])
