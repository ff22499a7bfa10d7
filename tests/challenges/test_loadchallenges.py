"""loadchallenges reports every problem with its file and case, and every ignored key or file
as a warning; datasets resolve relative to the load root; provenance is stored and exported."""

import hashlib
import json
import re
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from challenges.models import Challenge
from challenges.packages import SHARED_DATASETS, read_package
from tests.conftest import CATALOGUE

PYTHON = "order-total"
SQL = "customers-who-never-bought"
API = "idempotent-payment-creation"
DESIGN = "appointments-index-design"


def copy_of(slug: str, parent: Path) -> Path:
    target = parent / slug
    shutil.copytree(CATALOGUE / slug, target)
    return target


def load(*paths: Path) -> tuple[str, str]:
    """(stdout, stderr) of a successful loadchallenges."""
    out, err = StringIO(), StringIO()
    call_command("loadchallenges", *map(str, paths), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def problems_loading(path: Path) -> list[str]:
    """The problems loadchallenges lists for one invalid package (it must refuse it)."""
    err = StringIO()
    with pytest.raises(CommandError, match=r"1 package\(s\) are invalid"):
        call_command("loadchallenges", str(path), stdout=StringIO(), stderr=err)
    lines = err.getvalue().splitlines()
    assert lines[0] == f"{path}:"
    return [line.removeprefix("  - ") for line in lines[1:]]


def edit_cases(folder: Path, change) -> None:
    data = json.loads((folder / "cases.json").read_text())
    change(data["cases"])
    (folder / "cases.json").write_text(json.dumps(data))


def test_a_toml_syntax_error_is_one_problem_with_line_and_column(db, tmp_path):
    folder = copy_of(PYTHON, tmp_path)
    manifest = folder / "challenge.toml"
    manifest.write_text(manifest.read_text().replace('kind = "python"', 'kind = "python'))
    assert problems_loading(folder) == [
        "challenge.toml: invalid TOML: Illegal character '\\n' (at line 3, column 15)"
    ]


def test_a_hidden_case_without_category_or_hint_is_a_problem_naming_it(db, tmp_path):
    folder = copy_of(PYTHON, tmp_path)

    def strip(cases):
        del cases[2]["category"]
        cases[3]["hint"] = "  "

    edit_cases(folder, strip)
    assert problems_loading(folder) == [
        "cases.json: case 3 ('empty cart'): a hidden case needs a 'category' (shown with it)",
        "cases.json: case 4 ('empty cart with coupon'): a hidden case needs a 'hint' "
        "(shown when it fails)",
    ]


def test_a_mutant_with_the_wrong_extension_is_a_problem(db, tmp_path):
    folder = copy_of(PYTHON, tmp_path)
    (folder / "mutants" / "forgot-the-coupon.txt").write_text("def order_total(): pass\n")
    (folder / "mutants" / "nested").mkdir()
    assert problems_loading(folder) == [
        "mutants/forgot-the-coupon.txt: a mutant of a python challenge is a plain .py file",
        "mutants/nested: a mutant of a python challenge is a plain .py file",
    ]


def test_an_sql_file_among_python_mutants_is_a_problem(db, tmp_path):
    folder = copy_of(PYTHON, tmp_path)
    (folder / "mutants" / "wrong-kind.sql").write_text("SELECT 1;\n")
    assert problems_loading(folder) == [
        "mutants/wrong-kind.sql: a mutant of a python challenge is a plain .py file"
    ]


def test_an_unknown_api_matcher_is_a_problem_at_load(db, tmp_path):
    folder = copy_of(API, tmp_path)

    def typo(cases):
        cases[1]["expected"][1]["json"] = {"error": {"$regx": "idem.*"}}

    edit_cases(folder, typo)
    assert problems_loading(folder) == [
        "cases.json: case 2: response 2: body.error: unknown matcher '$regx' (known: $any, "
        "$type, $regex, $len, $unordered, $absent, $exact, $subset)"
    ]


def test_an_unknown_comparator_is_a_problem_at_load(db, tmp_path):
    folder = copy_of(PYTHON, tmp_path)
    manifest = folder / "challenge.toml"
    manifest.write_text(re.sub(r'comparator = "\w+"', 'comparator = "fuzzy"', manifest.read_text()))
    assert problems_loading(folder) == [
        "challenge.toml: [python] comparator must be one of ['close', 'exact', 'text', 'unordered']"
    ]


def test_an_unknown_question_type_is_a_problem_at_load(db, tmp_path):
    folder = copy_of(DESIGN, tmp_path)

    def typo(cases):
        cases[0]["input"]["type"] = "singel"

    edit_cases(folder, typo)
    assert problems_loading(folder) == [
        "cases.json: question 1: type must be one of ['estimate', 'multiple', 'ordering', "
        "'single', 'text']"
    ]


def test_unknown_manifest_keys_and_files_are_warnings_and_the_package_loads(db, tmp_path):
    folder = copy_of(PYTHON, tmp_path)
    manifest = folder / "challenge.toml"
    manifest.write_text(
        'licence = "MIT"\n' + manifest.read_text() + '\n[sql]\ndataset = "ecommerce"\n'
    )
    (folder / "notes.txt").write_text("to do\n")
    (folder / "drafts").mkdir()
    (folder / "drafts" / "solution2.py").write_text("x = 1\n")
    out, err = load(folder)
    assert err.splitlines() == [
        f"{folder}: warning:",
        "  - challenge.toml: unknown key 'licence'; ignored",
        "  - challenge.toml: [sql] is not read by a python challenge; ignored",
        "  - drafts/: not part of a python package; ignored",
        "  - notes.txt: not part of a python package; ignored",
    ]
    assert out.splitlines()[-1] == (
        "1 new or changed, 0 unchanged, 0 invalid, 0 refused, 1 with warnings"
    )
    version = Challenge.objects.get(slug=PYTHON).current_version
    # Extra files change nothing that is graded: the digest is the catalogue's own.
    assert version.content_digest == read_package(CATALOGUE / PYTHON).digest
    assert version.load_warnings == [
        "challenge.toml: unknown key 'licence'; ignored",
        "challenge.toml: [sql] is not read by a python challenge; ignored",
        "drafts/: not part of a python package; ignored",
        "notes.txt: not part of a python package; ignored",
    ]
    # The same content loaded clean again: no new version, the warnings are gone.
    (folder / "notes.txt").unlink()
    shutil.rmtree(folder / "drafts")
    manifest.write_text((CATALOGUE / PYTHON / "challenge.toml").read_text())
    out, err = load(folder)
    assert err == ""
    version.refresh_from_db()
    assert (version.number, version.load_warnings) == (1, [])


def test_a_non_sql_file_in_a_dataset_is_a_warning(db, tmp_path):
    folder = copy_of("march-daily-net-revenue", tmp_path)
    shutil.copytree(SHARED_DATASETS / "ecommerce", folder / "dataset")
    manifest = folder / "challenge.toml"
    manifest.write_text(manifest.read_text().replace('dataset = "ecommerce"\n', ""))
    (folder / "dataset" / "README.md").write_text("the data\n")
    _, err = load(folder)
    assert err.splitlines() == [
        f"{folder}: warning:",
        "  - dataset: README.md: not a .sql file; ignored",
    ]


def test_a_dataset_path_relative_to_the_package_inside_the_load_root(db, tmp_path):
    root = tmp_path / "repo"
    folder = copy_of(SQL, root)
    shutil.copytree(SHARED_DATASETS / "ecommerce", root / "datasets" / "shop")
    manifest = folder / "challenge.toml"
    manifest.write_text(
        manifest.read_text().replace('dataset = "ecommerce"', 'dataset = "../datasets/shop"')
    )
    load(root)
    version = Challenge.objects.get(slug=SQL).current_version
    # The same files as the shared dataset by name.
    assert version.assets == read_package(CATALOGUE / SQL).assets
    assert sorted(version.assets) == [
        "dataset/hidden/edge-cases.sql",
        "dataset/hidden/larger.sql",
        "dataset/hidden/no-orders.sql",
        "dataset/hidden/ties.sql",
        "dataset/schema.sql",
        "dataset/seed.sql",
    ]


def test_a_dataset_path_outside_the_load_root_is_a_problem(db, tmp_path):
    root = tmp_path / "repo"
    folder = copy_of(SQL, root)
    shutil.copytree(SHARED_DATASETS / "ecommerce", root / "datasets" / "shop")
    manifest = folder / "challenge.toml"
    manifest.write_text(
        manifest.read_text().replace('dataset = "ecommerce"', 'dataset = "../datasets/shop"')
    )
    # Loading the package folder alone: the dataset beside it is outside what was asked for.
    assert problems_loading(folder) == [
        "challenge.toml: [sql] dataset '../datasets/shop' resolves outside the folder being "
        "loaded and challenges/datasets; load a folder that holds both the package and the "
        "dataset"
    ]


def test_a_missing_relative_dataset_is_a_problem(db, tmp_path):
    folder = copy_of(SQL, tmp_path)
    manifest = folder / "challenge.toml"
    manifest.write_text(
        manifest.read_text().replace('dataset = "ecommerce"', 'dataset = "data/shop"')
    )
    problems = problems_loading(folder)
    assert problems[0] == "challenge.toml: [sql] dataset 'data/shop': no such dataset folder"


def test_no_catalogue_package_carries_a_copy_of_a_shared_dataset():
    def digests(folder: Path) -> dict[str, Path]:
        return {hashlib.sha256(p.read_bytes()).hexdigest(): p for p in folder.rglob("*.sql")}

    shared = digests(SHARED_DATASETS)
    copies = [
        (path, shared[digest])
        for package in CATALOGUE.iterdir()
        for digest, path in digests(package / "dataset").items()
        if (package / "dataset").is_dir() and digest in shared
    ]
    assert copies == []


SOURCE = (
    '\n[source]\nurl = "https://github.com/example/katas"\ncommit = "0123abcd"\n'
    'licence = "MIT"\nattribution = "Example Katas contributors"\n'
    'changes = "Amounts in minor units; new hidden cases."\n'
)


def test_source_is_stored_part_of_the_digest_and_exported(db, tmp_path):
    folder = copy_of(PYTHON, tmp_path / "in")
    (folder / "challenge.toml").write_text((folder / "challenge.toml").read_text() + SOURCE)
    load(folder)
    version = Challenge.objects.get(slug=PYTHON).current_version
    source = {
        "url": "https://github.com/example/katas",
        "commit": "0123abcd",
        "licence": "MIT",
        "attribution": "Example Katas contributors",
        "changes": "Amounts in minor units; new hidden cases.",
    }
    assert version.source == source
    assert version.content_digest != read_package(CATALOGUE / PYTHON).digest
    call_command("exportchallenge", PYTHON, str(tmp_path / "out"), stdout=StringIO())
    exported = read_package(tmp_path / "out" / PYTHON)
    assert exported.source == source
    assert exported.digest == version.content_digest


@pytest.mark.parametrize(
    ("table", "problem"),
    [
        (
            'url = "https://example.com/x"',
            "[source] url and licence go together: give both or neither",
        ),
        ('licence = "MIT"', "[source] url and licence go together: give both or neither"),
        (
            'url = "javascript:alert(1)"\nlicence = "MIT"',
            "[source] url must be an http:// or https:// address",
        ),
        (
            'url = "https://example.com/x"\nlicence = "WTFPL"',
            "[source] licence must be one of ['0BSD', 'Apache-2.0', 'BSD-2-Clause', "
            "'BSD-3-Clause', 'CC-BY-4.0', 'CC-BY-SA-4.0', 'CC0-1.0', 'ISC', 'MIT', 'MPL-2.0', "
            "'Unlicense', 'original', 'proprietary'] (SPDX ids)",
        ),
        ('commit = "main; rm -rf"', "[source] commit must be a git commit id (7 to 64 hex digits)"),
        ("attribution = 3", "[source] attribution must be text of 1 to 300 characters"),
        (
            'author = "me"',
            "[source] unknown keys ['author'] (known: url, commit, licence, attribution, changes)",
        ),
    ],
)
def test_a_bad_source_table_is_a_problem(db, tmp_path, table, problem):
    folder = copy_of(PYTHON, tmp_path)
    manifest = folder / "challenge.toml"
    manifest.write_text(manifest.read_text() + f"\n[source]\n{table}\n")
    assert problems_loading(folder) == [f"challenge.toml: {problem}"]


def test_source_original_needs_no_url(db, tmp_path):
    folder = copy_of(DESIGN, tmp_path)
    manifest = folder / "challenge.toml"
    manifest.write_text(manifest.read_text() + '\n[source]\nattribution = "Our team"\n')
    load(folder)
    version = Challenge.objects.get(slug=DESIGN).current_version
    assert version.source == {"attribution": "Our team"}
