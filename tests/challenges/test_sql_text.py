"""Reading SQL text without running it: statements and first keywords."""

import pytest

from challenges.sql_text import first_keyword, split_statements


@pytest.mark.parametrize(
    ("text", "statements"),
    [
        ("SELECT 1", ["SELECT 1"]),
        ("SELECT 1;", ["SELECT 1"]),
        ("UPDATE t SET a = 1; DELETE FROM t;;", ["UPDATE t SET a = 1", "DELETE FROM t"]),
        ("SELECT 'a;b', \"c;d\", [e;f], `g;h`", ["SELECT 'a;b', \"c;d\", [e;f], `g;h`"]),
        ("SELECT 1 -- a; comment\n; /* ; */", ["SELECT 1"]),
        ("-- only a comment; here", []),
        ("SELECT 'it''s; fine'", ["SELECT 'it''s; fine'"]),
        ("SELECT 'unterminated; ", ["SELECT 'unterminated;"]),
        ("", []),
    ],
)
def test_split_statements(text, statements):
    assert split_statements(text) == statements


def test_split_statements_is_linear_on_a_hostile_script():
    assert split_statements("'" + ";" * 200_000) == ["'" + ";" * 200_000]
    assert len(split_statements(";" * 200_000 + "SELECT 1")) == 1


@pytest.mark.parametrize(
    ("statement", "keyword"),
    [("select 1", "SELECT"), ("  (WITH x AS (SELECT 1) SELECT * FROM x)", "WITH"), ("1", "")],
)
def test_first_keyword(statement, keyword):
    assert first_keyword(statement) == keyword
