"""Describing a dataset for the schema panel: repository content in a capped child process,
and whatever a description comes back as is checked before it is stored."""

import pytest

from challenges.sql_schema import (
    MAX_CELL_CHARS,
    SchemaUnavailable,
    describe_dataset_isolated,
    schema_from_result,
)

SCHEMA = "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL);"


def test_a_dataset_is_described():
    assert describe_dataset_isolated(SCHEMA, "INSERT INTO t VALUES (1, 'ada');") == [
        {
            "name": "t",
            "columns": [
                {"name": "id", "type": "INTEGER", "primary_key": True, "nullable": True},
                {"name": "name", "type": "TEXT", "primary_key": False, "nullable": False},
            ],
            "row_count": 1,
            "sample_rows": [[1, "ada"]],
        }
    ]


def test_attach_is_refused(tmp_path):
    target = tmp_path / "created.db"
    with pytest.raises(SchemaUnavailable, match="not authorized"):
        describe_dataset_isolated(f"ATTACH DATABASE '{target}' AS x;", "")
    assert not target.exists()


def test_runaway_seed_is_stopped():
    seed = "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c) SELECT count(*) FROM c;"
    with pytest.raises(SchemaUnavailable, match="took over 2 s"):
        describe_dataset_isolated(SCHEMA, seed)


@pytest.mark.parametrize(
    "seed",
    [
        "SELECT zeroblob(900000000);",
        "CREATE TABLE b (x); INSERT INTO b VALUES (zeroblob(900000000));",
        "SELECT length(printf('%.*c', 900000000, 'a'));",
    ],
)
def test_a_seed_that_allocates_gigabytes_runs_out_of_memory_in_its_own_process(seed):
    with pytest.raises(SchemaUnavailable, match="out of memory"):
        describe_dataset_isolated(SCHEMA, seed)


def test_long_cells_are_truncated():
    seed = "INSERT INTO t VALUES (1, printf('%.*c', 100000, 'a'));"
    (table,) = describe_dataset_isolated(SCHEMA, seed)
    assert table["sample_rows"] == [[1, "a" * (MAX_CELL_CHARS - 1) + "…"]]


@pytest.mark.parametrize(
    "value", [None, 5, "x", {"tables": []}, [5], [{"columns": "x"}], [{"name": "t"}]]
)
def test_a_malformed_description_is_unavailable(value):
    with pytest.raises(SchemaUnavailable):
        schema_from_result(value)


def test_a_description_is_normalised():
    assert schema_from_result(
        [
            {
                "name": "t" * 500,
                "columns": [{"name": 1, "type": None, "primary_key": "yes"}, "junk"],
                "row_count": "many",
                "sample_rows": [[10**30, float("nan"), "x" * 500, [1]], "junk"],
                "extra": "dropped",
            }
        ]
    ) == [
        {
            "name": "t" * 127 + "…",
            "columns": [{"name": "1", "type": "None", "primary_key": False, "nullable": True}],
            "row_count": 0,
            "sample_rows": [["1" + "0" * 30, None, "x" * 199 + "…", "[1]"]],
        }
    ]
