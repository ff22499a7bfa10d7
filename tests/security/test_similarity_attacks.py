"""Hostile answers for the similarity check: any text, any size, never a failure or a hang."""

import pytest

from assessments.similarity import (
    MAX_SOURCE_CHARS,
    compare,
    fingerprints,
    plain_tokens,
    python_tokens,
)


@pytest.mark.parametrize(
    "source",
    [
        'def f(:\n    return "unterminated\n',  # the tokenizer gives up: the plain lexer reads it
        "\x00\x01\x02 binary \xff junk",
        "def f():\n\treturn 1\n        return 2\n",  # inconsistent indentation
        "",
        "(" * 10_000,
        "'" * 10_000,
    ],
)
def test_any_text_gets_fingerprints_without_failing(source):
    prints = fingerprints(source)
    assert compare(prints, prints).score in (0.0, 1.0)


def test_not_text_has_no_fingerprints():
    for value in (None, 42, b"def f(): pass", ["code"]):
        assert fingerprints(value).items == ()


def test_the_text_is_capped():
    line = "total = total + price * quantity\n"
    huge = line * (MAX_SOURCE_CHARS // len(line) + 1000)
    tokens = python_tokens(huge)
    assert tokens[-1].line <= MAX_SOURCE_CHARS // len(line) + 1
    assert len(plain_tokens(huge)) <= MAX_SOURCE_CHARS
