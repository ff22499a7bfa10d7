"""Package checks for the API and SQL format features: each bad value is a problem naming its
file and case, found when the package is read (no sandbox)."""

import json
import shutil
from pathlib import Path

import pytest

from challenges.packages import PackageError, read_package

PACKAGES = Path(__file__).parent / "packages"


def copy(tmp_path: Path, slug: str) -> Path:
    target = tmp_path / slug
    shutil.copytree(PACKAGES / slug, target)
    return target


def problems(folder: Path) -> list[str]:
    with pytest.raises(PackageError) as info:
        read_package(folder)
    return info.value.problems


def set_table(folder: Path, kind: str, line: str) -> None:
    manifest = folder / "challenge.toml"
    manifest.write_text(manifest.read_text().replace(f"[{kind}]\n", f"[{kind}]\n{line}\n"))


def edit_cases(folder: Path, change) -> None:
    cases = json.loads((folder / "cases.json").read_text())
    change(cases["cases"])
    (folder / "cases.json").write_text(json.dumps(cases))


@pytest.mark.parametrize("slug", ["top-spenders", "payout-batch", "seeded-wallets"])
def test_the_feature_packages_read(slug):
    assert read_package(PACKAGES / slug).slug == slug


@pytest.mark.parametrize(
    ("order_by", "problem"),
    [
        ('"spent_cents"', "[sql] order_by is a list of 1 to 8 tables like"),
        ("[]", "[sql] order_by is a list of 1 to 8 tables like"),
        ('[{ column = "a", direction = "desc" }]', "item 1 is not"),
        ('[{ column = "" }]', "[sql] order_by item 1: column is a name of 1 to 64 characters"),
        ('[{ column = "a", desc = "yes" }]', "[sql] order_by item 1: desc must be true or false"),
    ],
)
def test_a_bad_order_by_is_a_problem(tmp_path, order_by, problem):
    folder = copy(tmp_path, "top-spenders")
    manifest = folder / "challenge.toml"
    text = manifest.read_text()
    start = text.index("order_by = ")
    end = text.index("\n", start)
    manifest.write_text(text[:start] + f"order_by = {order_by}" + text[end:])
    found = problems(folder)
    assert len(found) == 1
    assert found[0].startswith("challenge.toml: ")
    assert problem in found[0]


def test_order_by_and_order_matters_are_one_or_the_other(tmp_path):
    folder = copy(tmp_path, "top-spenders")
    set_table(folder, "sql", "order_matters = true")
    assert problems(folder) == [
        "challenge.toml: [sql] order_by and order_matters = true can't go together: "
        "order_matters asks for the exact order, order_by for a sort with ties in any order"
    ]


def test_an_unknown_sql_mode_is_a_problem(tmp_path):
    folder = copy(tmp_path, "top-spenders")
    set_table(folder, "sql", 'mode = "ddl"')
    assert problems(folder) == ["challenge.toml: [sql] mode must be one of ['query', 'dml']"]


@pytest.mark.parametrize(
    ("check", "problem"),
    [
        (
            None,
            'cases.json: case 2: a DML case needs "check", the SELECT that reads what the '
            "statements did",
        ),
        ("", "cases.json: case 2: check must be a SELECT of 1 to 10000 characters"),
        (["SELECT 1"], "cases.json: case 2: check must be a SELECT of 1 to 10000 characters"),
        ("x" * 10_001, "cases.json: case 2: check must be a SELECT of 1 to 10000 characters"),
        (
            "SELECT 1; SELECT 2",
            "cases.json: case 2: check must be a single SELECT (found 2 statements)",
        ),
        (
            "DELETE FROM accounts",
            "cases.json: case 2: check must be a single SELECT, not 'DELETE'",
        ),
        (
            "-- just a comment; /* ; */",
            "cases.json: case 2: check must be a single SELECT (found 0 statements)",
        ),
    ],
)
def test_a_dml_case_needs_one_select_as_its_check(tmp_path, check, problem):
    folder = copy(tmp_path, "payout-batch")

    def change(cases):
        if check is None:
            del cases[1]["input"]["check"]
        else:
            cases[1]["input"]["check"] = check

    edit_cases(folder, change)
    assert problems(folder) == [problem]


def test_a_check_in_a_query_challenge_is_a_problem(tmp_path):
    folder = copy(tmp_path, "top-spenders")
    edit_cases(folder, lambda cases: cases[0]["input"].update(check="SELECT 1"))
    assert problems(folder) == [
        'cases.json: case 1: "check" is for DML challenges ([sql] mode = "dml")'
    ]


def test_a_check_with_semicolons_in_text_is_one_statement(tmp_path):
    folder = copy(tmp_path, "payout-batch")
    edit_cases(
        folder,
        lambda cases: cases[1]["input"].update(
            check="SELECT id, 'a;b' AS note FROM accounts -- the end; really\n;"
        ),
    )
    assert read_package(folder).cases[1].input["check"].startswith("SELECT id")


def test_setup_needs_the_factory_argument_mode(tmp_path):
    folder = copy(tmp_path, "seeded-wallets")
    manifest = folder / "challenge.toml"
    manifest.write_text(manifest.read_text().replace('setup = "factory-argument"\n', ""))
    assert problems(folder) == [
        'cases.json: case 1: input has "setup" but [api] setup is not "factory-argument"',
        'cases.json: case 2: input has "setup" but [api] setup is not "factory-argument"',
    ]


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ('json_match = "strict"', "[api] json_match must be one of ['subset', 'exact']"),
        ("json_match = true", "[api] json_match must be one of ['subset', 'exact']"),
        ('setup = "globals"', "[api] setup must be one of ['factory-argument']"),
    ],
)
def test_bad_api_options_are_problems(tmp_path, line, problem):
    folder = copy(tmp_path, "seeded-wallets")
    manifest = folder / "challenge.toml"
    key = line.split(" = ")[0]
    text = manifest.read_text()
    start = text.index(f"{key} = ")
    manifest.write_text(text[:start] + line + text[text.index("\n", start) :])
    assert f"challenge.toml: {problem}" in problems(folder)


def test_setup_without_a_factory_is_a_problem(tmp_path):
    folder = copy(tmp_path, "seeded-wallets")
    manifest = folder / "challenge.toml"
    manifest.write_text(manifest.read_text().replace("factory = true", "factory = false"))
    assert problems(folder) == [
        'challenge.toml: [api] setup = "factory-argument" needs factory = true '
        "(the factory receives the seed data)"
    ]


@pytest.mark.parametrize(
    ("setup", "problem"),
    [
        (
            ["not", "an", "object"],
            "setup must be a JSON object (the seed data create_app receives)",
        ),
        ({"wallets": "x" * (256 * 1024)}, "setup is 262159 bytes as JSON; the limit is 262144"),
        (
            {
                "deep": {
                    "a": {
                        "a": {
                            "a": {
                                "a": {
                                    "a": {
                                        "a": {
                                            "a": {
                                                "a": {
                                                    "a": {
                                                        "a": {
                                                            "a": {
                                                                "a": {"a": {"a": {"a": {"a": 1}}}}
                                                            }
                                                        }
                                                    }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            },
            "setup is nested more than 16 levels",
        ),
    ],
)
def test_bad_setup_data_is_a_problem_naming_the_case(tmp_path, setup, problem):
    folder = copy(tmp_path, "seeded-wallets")
    edit_cases(folder, lambda cases: cases[1]["input"].update(setup=setup))
    assert problems(folder) == [f"cases.json: case 2: {problem}"]
