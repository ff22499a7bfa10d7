"""The schema panel runs author SQL on the web host: it must not touch files or run forever."""

import pytest

from challenges.sql_schema import SchemaUnavailable, describe_dataset


def test_attach_is_refused(tmp_path):
    target = tmp_path / "created.db"
    with pytest.raises(SchemaUnavailable, match="not authorized"):
        describe_dataset(f"ATTACH DATABASE '{target}' AS x;", "")
    assert not target.exists()


def test_runaway_seed_is_stopped():
    seed = (
        "CREATE TABLE t (n);"
        "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c) "
        "INSERT INTO t SELECT i FROM c;"
    )
    with pytest.raises(SchemaUnavailable, match="interrupted"):
        describe_dataset(seed, "")
