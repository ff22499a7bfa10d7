"""Each kind's columns of the studio's case table (Kind.case_columns): every key path is a real
key of the kind's cases (its template's, or a catalogue package's for a mode the template doesn't
use), widgets and their settings are valid, and a column's default fits the column."""

import json
from pathlib import Path

import pytest
from django.conf import settings

from challenges.kinds import kind_for, kind_names
from challenges.kinds.base import CASE_WIDGETS, NO_DEFAULT, CaseColumn
from challenges.packages import MANIFEST
from studio.cases import kind_config
from studio.files import template_files

CATALOGUE = Path(settings.BASE_DIR) / "challenges" / "catalogue"
MISSING = object()


def value_at(case: dict, key: str):
    value = case
    for part in key.split("."):
        if not isinstance(value, dict) or part not in value:
            return MISSING
        value = value[part]
    return value


def columns_and_cases(kind_name: str, files: dict[str, str]) -> tuple[list[CaseColumn], list]:
    config = kind_config(kind_name, files[MANIFEST])
    columns = kind_for(kind_name).case_columns(config=config, paths=list(files))
    return columns, json.loads(files["cases.json"])["cases"]


def catalogue_files(slug: str) -> dict[str, str]:
    folder = CATALOGUE / slug
    return {
        path.relative_to(folder).as_posix(): path.read_text(encoding="utf-8")
        for path in folder.rglob("*")
        if path.is_file()
    }


@pytest.mark.parametrize("kind_name", kind_names())
def test_every_column_is_a_key_of_the_kinds_template(kind_name):
    files = template_files(kind_name, slug="t", title="T")
    columns, cases = columns_and_cases(kind_name, files)
    missing = [c.key for c in columns if all(value_at(case, c.key) is MISSING for case in cases)]
    assert missing == []


@pytest.mark.parametrize(
    ("slug", "mode_keys"),
    [
        ("appointment-slot-finder", ["input.stdin", "expected.stdout"]),
        ("ledger-balance-backfill", ["input.data", "input.check", "expected"]),
        ("seeded-cart-stock", ["input.requests", "input.setup", "expected"]),
    ],
)
def test_a_modes_own_columns_are_keys_of_a_package_in_that_mode(slug, mode_keys):
    files = catalogue_files(slug)
    kind_name = next(line for line in files[MANIFEST].splitlines() if line.startswith("kind"))
    kind_name = kind_name.split("=")[1].strip().strip('"')
    columns, cases = columns_and_cases(kind_name, files)
    keys = [column.key for column in columns]
    assert [key for key in mode_keys if key in keys] == mode_keys
    for column in columns:
        if column.key in mode_keys:
            assert any(value_at(case, column.key) is not MISSING for case in cases), column.key


def all_columns() -> list[tuple[str, CaseColumn]]:
    found = []
    for kind_name in kind_names():
        files = template_files(kind_name, slug="t", title="T")
        found += [(kind_name, column) for column in columns_and_cases(kind_name, files)[0]]
    return found


@pytest.mark.parametrize("kind_name", kind_names())
def test_keys_are_unique_and_none_holds_another(kind_name):
    columns, _ = columns_and_cases(kind_name, template_files(kind_name, slug="t", title="T"))
    keys = [column.key for column in columns]
    assert len(keys) == len(set(keys))
    # "input" and "input.args" both columns would edit one value twice.
    assert not [(a, b) for a in keys for b in keys if b.startswith(f"{a}.")]


@pytest.mark.parametrize(("kind_name", "column"), all_columns(), ids=lambda v: getattr(v, "key", v))
def test_each_column_is_well_formed(kind_name, column):
    assert column.widget in CASE_WIDGETS
    assert column.label.strip()
    assert column.key.strip()
    assert all(part for part in column.key.split("."))
    assert bool(column.options) is (column.widget == "select")
    assert all(isinstance(option, str) and option for option in column.options)
    if column.widget == "number":
        assert column.minimum is None or column.maximum is None or column.minimum <= column.maximum
    else:
        assert (column.minimum, column.maximum) == (None, None)
    if column.default is not NO_DEFAULT:
        json.dumps(column.default)  # the page reads it as JSON
        if column.widget == "select":
            assert column.default in column.options
        if column.widget in ("text", "textarea"):
            assert isinstance(column.default, str)
    spec = column.as_dict()
    assert (spec["key"], spec["widget"]) == (column.key, column.widget)
    assert ("default" in spec) is (column.default is not NO_DEFAULT)


def test_an_sql_case_chooses_among_the_templates_own_datasets():
    columns, _ = columns_and_cases("sql", template_files("sql", slug="t", title="T"))
    data = next(column for column in columns if column.key == "input.data")
    assert data.widget == "select"
    assert data.options == ("hidden/quiet-customers", "seed")


def test_an_sql_case_chooses_among_the_shared_datasets_data_files():
    columns = kind_for("sql").case_columns(
        config={"dataset": "ecommerce"}, paths=["challenge.toml"]
    )
    data = next(column for column in columns if column.key == "input.data")
    assert data.widget == "select"
    assert data.options == (
        "hidden/edge-cases",
        "hidden/larger",
        "hidden/no-orders",
        "hidden/ties",
        "seed",
    )


def test_an_sql_packages_own_dataset_comes_before_the_shared_one():
    paths = ["challenge.toml", "dataset/schema.sql", "dataset/small.sql", "dataset/hidden/big.sql"]
    columns = kind_for("sql").case_columns(config={"dataset": "ecommerce"}, paths=paths)
    data = next(column for column in columns if column.key == "input.data")
    assert data.options == ("hidden/big", "small")
    assert data.default == "hidden/big"


def test_an_sql_dataset_that_cant_be_listed_is_typed():
    for config in ({}, {"dataset": "no-such-dataset"}, {"dataset": "../../../etc"}):
        columns = kind_for("sql").case_columns(config=config, paths=["challenge.toml"])
        data = next(column for column in columns if column.key == "input.data")
        assert (data.widget, data.options) == ("text", ())
