"""Package content from outside is checked as data, before any file is written: total over any
JSON, every problem named by its field."""

import json
import shutil
import tomllib
from pathlib import Path

import pytest

from challenges.package_content import (
    MAX_ASSET_BYTES,
    MAX_ASSETS,
    MAX_ASSETS_TOTAL_BYTES,
    MAX_JSON_DEPTH,
    asset_name_problem,
    assets_problems,
    config_problems,
    content_problems,
    json_problems,
)
from challenges.packages import (
    ChallengePackage,
    PackageError,
    package_from_content,
    package_from_submitted,
    read_package,
    slug_problem,
    write_package,
)
from tests.conftest import CATALOGUE

SQL_PACKAGE = CATALOGUE / "customers-who-never-bought"


def nested(depth: int):
    value = 1
    for _ in range(depth):
        value = [value]
    return value


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("dataset/schema.sql", None),
        ("dataset/hidden/ties-2.sql", None),
        ("/tmp/pwned.sql", "'/tmp/pwned.sql': must be a relative path, not an absolute one"),
        ("C:/x.sql", "'C:/x.sql': must be a relative path, not an absolute one"),
        ("../../x.sql", "'../../x.sql': '.' and '..' are not allowed in a path"),
        ("dataset/../../x.sql", "'dataset/../../x.sql': '.' and '..' are not allowed in a path"),
        ("dataset/./x.sql", "'dataset/./x.sql': '.' and '..' are not allowed in a path"),
        ("dataset\\x.sql", "'dataset\\\\x.sql': use '/' between folders, never '\\'"),
        (
            "dataset/.hidden.sql",
            "'dataset/.hidden.sql': each part of the path is letters, digits, '.', '_' or '-', "
            "at most 100 characters, not starting with a dot",
        ),
        (
            "dataset//x.sql",
            "'dataset//x.sql': each part of the path is letters, digits, '.', '_' or '-', "
            "at most 100 characters, not starting with a dot",
        ),
        (
            "dataset/x y.sql",
            "'dataset/x y.sql': each part of the path is letters, digits, '.', '_' or '-', "
            "at most 100 characters, not starting with a dot",
        ),
        ("dataset/a/b/c/d.sql", "'dataset/a/b/c/d.sql': at most 4 levels of folders"),
        ("starter.py", "'starter.py': assets are an SQL dataset's files, dataset/<name>.sql"),
        ("dataset/x.sh", "'dataset/x.sh': assets are an SQL dataset's files, dataset/<name>.sql"),
        ("", "an asset's name must be a non-empty text path"),
        (7, "an asset's name must be a non-empty text path"),
    ],
)
def test_asset_names(name, problem):
    assert asset_name_problem(name) == problem


def test_asset_counts_and_sizes_are_capped():
    too_many = {f"dataset/f{i}.sql": "" for i in range(MAX_ASSETS + 1)}
    assert assets_problems(too_many) == [f"at most {MAX_ASSETS} files (got {MAX_ASSETS + 1})"]
    big = "x" * (MAX_ASSET_BYTES + 1)
    assert assets_problems({"dataset/seed.sql": big}) == [
        f"'dataset/seed.sql': {MAX_ASSET_BYTES + 1} bytes; a file is at most {MAX_ASSET_BYTES}"
    ]
    almost = "x" * MAX_ASSET_BYTES
    five = {f"dataset/f{i}.sql": almost for i in range(5)}
    assert assets_problems(five) == [
        f"{5 * MAX_ASSET_BYTES} bytes in all; the files are at most {MAX_ASSETS_TOTAL_BYTES}"
    ]
    assert assets_problems({"dataset/a.sql": "", "dataset/A.sql": ""}) == [
        "'dataset/A.sql': differs from another file only in letter case"
    ]
    assert assets_problems({"dataset/a.sql": 5}) == ["'dataset/a.sql': the content must be text"]
    assert assets_problems(["dataset/a.sql"]) == ["must be an object of file path -> text"]


def test_json_values_are_checked_at_any_depth_without_recursing():
    assert json_problems(nested(MAX_JSON_DEPTH)) == []
    assert json_problems(nested(MAX_JSON_DEPTH + 1)) == ["nested deeper than 64 levels"]
    assert json_problems(nested(200_000)) == ["nested deeper than 64 levels"]
    assert json_problems({"a": "x\x00y"}) == ["a text value contains a NUL character"]
    assert json_problems(["\ud800"]) == [
        "a text value is not valid Unicode text (a lone surrogate)"
    ]
    assert json_problems(float("nan")) == ["numbers must be finite"]
    assert json_problems({1: 2}) == ["object keys must be text"]
    assert json_problems(object()) == ["object is not a JSON value"]
    assert json_problems([10**400, None]) == []


def test_config_is_what_toml_can_hold():
    assert config_problems({"mode": None}) == ["null has no TOML form: leave the key out instead"]
    assert config_problems({"comparator_options": {"rel_tol": None}}) == [
        "null has no TOML form: leave the key out instead"
    ]
    assert config_problems({"time_limit_s": 2**64}) == ["integers are 64-bit at most"]
    assert config_problems([]) == ["must be an object"]


def test_content_problems_name_each_field():
    content = read_package(CATALOGUE / "order-total").content()
    assert content_problems(content) == {}
    bad = {
        **content,
        "slug": "../x",
        "title": 5,
        "skills": "python",
        "hints": [1],
        "cases": [{"input": {}}],
        "mutants": [{"name": "../../evil", "code": ""}],
        "starter_code": "x" * 100_000,
        "statement_md": "a\x00b",
    }
    assert content_problems(bad) == {
        "slug": ["must be letters, digits, '_' or '-'"],
        "title": ["must be text"],
        "statement_md": ["contains a NUL character"],
        "starter_code": ["100000 bytes; the sandbox takes at most 65536"],
        "skills": [
            "skills must be a table of 1 to 3 canonical skills with weights, e.g. skills = "
            "{ sql-querying = 0.7, data-modelling = 0.3 } (free-form slugs go in tags)"
        ],
        "hints": ["each item is text of at most 2000 characters"],
        "cases": ["case 1: 'expected' is missing"],
        "mutants": ["mutant 1: the name is letters, digits, '_' or '-'"],
    }
    assert content_problems(None) == {"package": ["must be an object"]}


def test_package_from_content_refuses_before_building(tmp_path):
    content = read_package(CATALOGUE / "order-total").content()
    content["assets"] = {"/tmp/x.sql": "SELECT 1;"}
    with pytest.raises(PackageError) as info:
        package_from_content(tmp_path, content)
    assert info.value.problems == [
        "assets: '/tmp/x.sql': must be a relative path, not an absolute one"
    ]


def test_write_package_refuses_any_path_outside_its_folder(tmp_path):
    # A package built around the checks (as a bug elsewhere might): the writer still refuses.
    package = read_package(CATALOGUE / "order-total")
    outside = tmp_path / "outside.txt"
    for name in (str(outside), "../outside.txt", "dataset/../../outside.txt"):
        evil = ChallengePackage(**{**package.__dict__, "assets": {name: "x"}})
        target = tmp_path / "out" / name.replace("/", "_")
        with pytest.raises(PackageError, match="must stay inside the package folder"):
            write_package(evil, target)
        assert not outside.exists()
    evil_slug = ChallengePackage(**{**package.__dict__, "slug": "../escaped"})
    with pytest.raises(PackageError, match="must stay inside the package folder"):
        write_package(evil_slug, tmp_path / "out")
    assert not (tmp_path / "escaped").exists()


def test_organisation_slugs_are_namespaced():
    assert slug_problem("order-total") is None
    assert slug_problem("acme_order-total") == (
        "slug must be lowercase words joined by hyphens (no '_': that is for organisations)"
    )
    assert slug_problem("acme_order-total", "acme") is None
    assert slug_problem("order-total", "acme").startswith(
        "an organisation's challenge slug is 'acme_<name>'"
    )
    assert slug_problem("other_order-total", "acme") is not None
    assert slug_problem("acme_", "acme") is not None
    assert slug_problem("x" * 101) == "slug must be text of at most 100 characters"


def test_read_package_checks_the_slug_against_its_owner(tmp_path):
    content = read_package(CATALOGUE / "order-total").content()
    content["slug"] = "acme_order-total"
    with pytest.raises(PackageError, match="no '_': that is for organisations"):
        package_from_submitted(content)
    assert package_from_submitted(content, organisation="acme").slug == "acme_order-total"
    with pytest.raises(PackageError, match="'globex_<name>'"):
        package_from_submitted(content, organisation="globex")


def edited(package: Path, tmp_path: Path, manifest=None, cases=None) -> Path:
    copy = tmp_path / package.name
    shutil.copytree(package, copy)
    if manifest:
        text = (copy / "challenge.toml").read_text()
        (copy / "challenge.toml").write_text(manifest(text))
    if cases:
        data = json.loads((copy / "cases.json").read_text())
        cases(data["cases"])
        (copy / "cases.json").write_text(json.dumps(data))
    return copy


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(PackageError) as info:
        read_package(folder)
    return info.value.problems


@pytest.mark.parametrize(
    ("table", "problem"),
    [
        ('mode = ["function"]', "[python] mode must be 'function' or 'program'"),
        ("time_limit_s = true", "[python] time_limit_s must be a number of seconds, 0 to 600"),
        ("time_limit_s = 1e308", "[python] time_limit_s must be a number of seconds, 0 to 600"),
        ("memory_mb = 2.5", "[python] memory_mb must be a whole number, 1 to 65536"),
        ("comparator = 3", "[python] comparator must be one of ['close', 'exact', 'text', "),
        ("comparator_options = { rel_tol = 'x' }", "[python] comparator_options are numbers"),
        ("comparator_options = { evil = 1 }", "[python] comparator_options may set rel_tol"),
        ("surprise = 1", "[python] unknown keys ['surprise'] (known: comparator, "),
    ],
)
def test_config_values_of_wrong_types_are_problems(tmp_path, table, problem):
    key = table.split(" =")[0]

    def set_key(text: str) -> str:
        kept = [line for line in text.splitlines() if not line.startswith(f"{key} =")]
        return "\n".join(kept) + f"\n{table}\n"

    folder = edited(CATALOGUE / "order-total", tmp_path, manifest=set_key)
    assert any(p.startswith(f"challenge.toml: {problem}") for p in problems_of(folder)), (
        problems_of(folder)
    )


def test_case_fields_are_typed_and_capped(tmp_path):
    def spoil(cases):
        cases[0]["name"] = ["x"]
        cases[1]["hint"] = "h" * 301
        cases[2]["weight"] = 10**30
        cases[3]["category"] = {"a": 1}
        cases[4]["input"] = nested(100)
        cases[5]["expected"] = nested(100)
        cases[6]["input"] = {"args": "not a list"}

    folder = edited(CATALOGUE / "order-total", tmp_path, cases=spoil)
    assert problems_of(folder) == [
        "cases.json: case 1: 'name' must be text",
        "cases.json: case 2: 'hint' is at most 300 characters",
        "cases.json: case 3: 'weight' must be a whole number from 1 to 1000",
        "cases.json: case 4: 'category' must be text",
        "cases.json: case 5: 'input' must be an object",
        "cases.json: case 5: input: nested deeper than 64 levels",
        "cases.json: case 6: expected: nested deeper than 64 levels",
        'cases.json: case 7: input is {"args": [...], "kwargs": {...}} or '
        '{"ops": [{"method": "name", "args": [...]}, ...]}',
    ]


def test_cases_json_refuses_nan_and_deep_nesting(tmp_path):
    folder = edited(CATALOGUE / "order-total", tmp_path)
    (folder / "cases.json").write_text('{"cases": [{"input": {}, "expected": NaN}]}')
    assert problems_of(folder) == ["cases.json: NaN is not a JSON number"]
    (folder / "cases.json").write_text("[" * 100_000 + "]" * 100_000)
    assert problems_of(folder) == ["cases.json: nested too deeply"]


def test_a_design_question_cant_be_an_example(tmp_path):
    folder = edited(
        CATALOGUE / "catalogue-cache-design",
        tmp_path,
        cases=lambda cases: cases[0].update(visibility="example"),
    )
    assert problems_of(folder) == [
        "cases.json: case 1: a design question can't be an example: its answer key would be shown"
    ]


def test_malformed_design_questions_are_problems_not_crashes(tmp_path):
    def spoil(cases):
        cases[0]["input"] = {"type": "estimate", "prompt": "p", "unit": "x", "tolerance": 5}
        cases[0]["expected"] = 1
        cases[1]["input"] = {"type": "ordering", "prompt": "p", "items": ["a", "b"]}
        cases[1]["expected"] = [0, "a"]

    folder = edited(CATALOGUE / "catalogue-cache-design", tmp_path, cases=spoil)
    problems = problems_of(folder)
    assert problems[0].startswith("cases.json: question 1: ")
    assert problems[1].startswith("cases.json: question 2: ")


def test_sql_dataset_files_are_capped(tmp_path):
    folder = edited(SQL_PACKAGE, tmp_path)
    manifest = tomllib.loads((folder / "challenge.toml").read_text())
    dataset = folder / "dataset"
    shutil.copytree(CATALOGUE.parent / "datasets" / manifest["sql"]["dataset"], dataset)
    (dataset / "seed.sql").write_text("x" * (MAX_ASSET_BYTES + 1))
    assert problems_of(folder) == [f"seed.sql: larger than {MAX_ASSET_BYTES} bytes"]


def test_sql_expected_column_names_must_be_text(tmp_path):
    folder = edited(
        SQL_PACKAGE, tmp_path, cases=lambda cases: cases[0]["expected"].update(columns=[1])
    )
    assert problems_of(folder) == [
        'cases.json: case 1: expected is {"columns": ["name", ...], "rows": [[...], ...]}'
    ]
