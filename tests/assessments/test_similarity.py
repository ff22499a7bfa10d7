"""Similarity by winnowed token fingerprints: copies with renamed names and moved functions are
flagged, independent solutions of the same challenge are not, and any text is handled."""

import ast
import builtins
import io
import keyword
import tokenize
from pathlib import Path

import pytest

from assessments.similarity import (
    DEFAULT_THRESHOLD,
    K,
    W,
    common_hashes,
    compare,
    fingerprints,
    plain_tokens,
    python_tokens,
)

CATALOGUE = Path(__file__).resolve().parents[2] / "challenges" / "catalogue"
ANSWERS = Path(__file__).resolve().parent / "answers"
KEPT = set(keyword.kwlist) | set(dir(builtins))


def renamed(source: str) -> str:
    """Every name the author chose renamed, comments dropped, as a copier would disguise it."""
    names: dict[str, str] = {}
    out = []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            continue
        text = token.string
        if token.type == tokenize.NAME and text not in KEPT:
            text = names.setdefault(text, f"thing_{len(names)}")
        out.append((token.type, text))
    return tokenize.untokenize(out)


def functions_reversed(source: str) -> str:
    """The same module with its top-level and class-level definitions in reverse order."""
    tree = ast.parse(source)

    def reverse(body: list) -> None:
        places = [
            i for i, node in enumerate(body) if isinstance(node, ast.FunctionDef | ast.ClassDef)
        ]
        nodes = [body[i] for i in places]
        for place, node in zip(places, reversed(nodes), strict=True):
            body[place] = node
        for node in body:
            if isinstance(node, ast.ClassDef):
                reverse(node.body)

    reverse(tree.body)
    return ast.unparse(tree)


def solution(slug: str) -> str:
    return (CATALOGUE / slug / "solution.py").read_text()


def score(left: str, right: str, **kwargs) -> float:
    return compare(fingerprints(left), fingerprints(right), **kwargs).score


@pytest.mark.parametrize("slug", ["token-bucket-rate-limiter", "order-total", "lfu-edge-cache"])
def test_a_copy_with_every_name_changed_is_the_same_code(slug):
    original = solution(slug)
    copy = renamed(original)
    assert copy != original
    assert score(original, copy) == 1.0


@pytest.mark.parametrize(
    "slug", ["token-bucket-rate-limiter", "lfu-edge-cache", "tenant-api-key-scopes"]
)
def test_a_copy_with_names_changed_and_functions_moved_is_flagged(slug):
    original = solution(slug)
    copy = renamed(functions_reversed(original))
    assert score(original, copy) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("slug", "independent"),
    [
        ("token-bucket-rate-limiter", "token_bucket_independent.py"),
        ("order-total", "order_total_independent.py"),
    ],
)
def test_independent_solutions_of_the_same_challenge_are_not_flagged(slug, independent):
    mine = (ANSWERS / independent).read_text()
    starter = fingerprints((CATALOGUE / slug / "starter.py").read_text()).hashes
    assert score(solution(slug), mine, ignored=starter) < DEFAULT_THRESHOLD


def test_solutions_of_different_challenges_stay_far_below_the_threshold():
    slugs = sorted(path.parent.name for path in CATALOGUE.glob("*/solution.py"))
    prints = {slug: fingerprints(solution(slug)) for slug in slugs}
    worst = max(
        compare(prints[a], prints[b]).score for i, a in enumerate(slugs) for b in slugs[i + 1 :]
    )
    assert len(slugs) >= 40
    assert worst < DEFAULT_THRESHOLD


def test_what_the_starter_code_gives_everyone_is_not_counted():
    starter = (CATALOGUE / "token-bucket-rate-limiter" / "starter.py").read_text()
    ignored = fingerprints(starter).hashes
    # Two answers that are the starter and nothing else have nothing of their own to compare.
    assert compare(fingerprints(starter), fingerprints(starter), ignored=ignored).score == 0.0
    assert compare(fingerprints(starter), fingerprints(starter)).score == 1.0


def test_fingerprints_most_answers_share_are_common():
    a, b, c = (fingerprints(f"def f{i}(x):\n    return x + {i}\n" * 3) for i in range(3))
    shared = a.hashes & b.hashes & c.hashes
    assert shared
    assert common_hashes([a, b, c]) == shared
    # Two answers are too few to say what everyone writes.
    assert common_hashes([a, b]) == frozenset()


def test_the_fragments_say_which_lines_match():
    copied = solution("token-bucket-rate-limiter")
    padding = "".join(
        f"def helper_{i}(value):\n    return value * {i} - {i} // 3\n\n" for i in range(8)
    )
    mine = padding + renamed(copied)
    result = compare(fingerprints(copied), fingerprints(mine))
    offset = padding.count("\n")
    assert result.fragments
    for fragment in result.fragments:
        assert fragment.right[0] > offset  # the padding matches nothing
        assert fragment.right[0] - offset - 3 <= fragment.left[0] <= fragment.right[1] - offset + 3
    covered = {line for f in result.fragments for line in range(f.left[0], f.left[1] + 1)}
    assert len(covered) >= len(copied.splitlines()) * 0.6


def test_the_score_is_symmetric_and_deterministic():
    left, right = solution("order-total"), (ANSWERS / "order_total_independent.py").read_text()
    assert score(left, right) == score(right, left) == score(left, right)


def test_names_become_one_symbol_and_keywords_stay():
    assert [t.text for t in python_tokens("def total(items):\n    return len(items)  # n\n")] == [
        "def", "V", "(", "V", ")", ":", ";", "{", "return", "len", "(", "V", ")", ";", "}",
    ]  # fmt: skip
    query = "SELECT c.name FROM customers AS c -- all\nWHERE c.id = 1"
    assert [t.text for t in plain_tokens(query)] == [
        "select", "V", ".", "V", "from", "V", "as", "V", "where", "V", ".", "V", "=", "N",
    ]  # fmt: skip


def test_sql_with_renamed_aliases_is_the_same_query():
    query = (
        "SELECT c.customer_id, COUNT(o.order_id) AS orders\nFROM customers c\n"
        "LEFT JOIN orders o ON o.customer_id = c.customer_id\nGROUP BY c.customer_id\n"
    )
    disguised = query.replace("c.", "cust.").replace(" c\n", " cust\n").replace("o.", "ord.")
    disguised = disguised.replace(" o ON", " ord ON").replace("AS orders", "AS n")
    left = fingerprints(query, tokenizer=plain_tokens)
    right = fingerprints(disguised, tokenizer=plain_tokens)
    assert compare(left, right).score == 1.0


def test_a_shared_run_of_k_plus_w_minus_1_tokens_always_matches():
    # The winnowing guarantee, on a run of exactly K + W - 1 tokens inside unrelated code.
    run = " ".join(["+ value"] * ((K + W - 1) // 2 + 1))
    left = f"alpha = [1, 2, 3]\nresult = 0 {run}\nprint(alpha)\n"
    right = f"def g():\n    while True:\n        break\nresult = 0 {run}\nassert g is not None\n"
    assert compare(fingerprints(left), fingerprints(right)).shared >= 1
