"""Similarity between two answers: token fingerprints with winnowing (Schleimer, Wilkerson and
Aiken, SIGMOD 2003, the algorithm behind MOSS and Dolos).

The code is cut into tokens with the names people choose replaced by one symbol, so renaming
variables changes nothing; every run of K tokens is hashed, and in each window of W hashes the
smallest is kept as a fingerprint. Two answers that share a run of at least K + W - 1 tokens
are guaranteed to share a fingerprint, wherever the run sits in each file, so functions moved
around still match. Fingerprints of the challenge's starter code, and those most answers
share (the obvious way to write a line), are ignored: they are the problem's, not anyone's.

A score is evidence to look at, never a verdict: it says how much of two answers is the same
code, and the matching fragments say where (shown side by side to a reviewer).

Everything here is a total function over any text: unreadable Python falls back to a plain
lexer, and the work is linear in the size of the text (capped at MAX_SOURCE_CHARS).
"""

from __future__ import annotations

import builtins
import hashlib
import io
import keyword
import re
import tokenize
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

# Tokens per hashed run (K) and hashes per window (W): runs of K + W - 1 = 17 tokens or more
# are always caught, about two lines of code; shorter shared runs are what everyone writes.
K = 8
W = 10
# Answers are capped well below this by the submission limits; the cap keeps this module
# linear and bounded whatever it is handed.
MAX_SOURCE_CHARS = 256 * 1024
# A pair at or above this score is flagged for a reviewer to look at (the assessment may set
# its own).
DEFAULT_THRESHOLD = 0.6

_NAME = "V"  # every name a person chose
_NUMBER = "N"
_STRING = "S"
_KEPT_NAMES = frozenset(keyword.kwlist) | frozenset(keyword.softkwlist) | frozenset(dir(builtins))
_SQL_KEYWORDS = frozenset(
    (
        "select", "from", "where", "group", "by", "having", "order", "limit", "offset", "join",
        "left", "right", "inner", "outer", "full", "cross", "on", "using", "as", "and", "or", "not",
        "in", "is", "null", "like", "between", "exists", "case", "when", "then", "else", "end",
        "distinct", "union", "all", "intersect", "except", "insert", "into", "values", "update",
        "set", "delete", "create", "table", "primary", "key", "foreign", "references", "unique",
        "check", "default", "index", "with", "recursive", "asc", "desc", "count", "sum", "avg",
        "min", "max", "coalesce", "cast", "over", "partition", "row_number", "rank", "dense_rank",
        "lag", "lead", "filter", "true", "false",
    )
)  # fmt: skip
# A plain lexer for what Python's tokenizer can't read, and for SQL: a word, a number, a
# quoted string (no nested quantifiers: linear), or any other single character.
_PLAIN_TOKEN = re.compile(
    r"""[A-Za-z_][A-Za-z0-9_]*|\d+(?:\.\d+)?|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|--[^\n]*|#[^\n]*|\S"""
)


@dataclass(frozen=True)
class Token:
    text: str
    line: int


@dataclass(frozen=True)
class Fingerprint:
    hash: int
    first_line: int
    last_line: int


@dataclass(frozen=True)
class Fingerprints:
    """An answer's fingerprints, in order of position."""

    items: tuple[Fingerprint, ...]

    @property
    def hashes(self) -> frozenset[int]:
        return frozenset(item.hash for item in self.items)


@dataclass(frozen=True)
class Fragment:
    """Lines of one answer that match lines of the other (1-based, inclusive)."""

    left: tuple[int, int]
    right: tuple[int, int]


@dataclass(frozen=True)
class Comparison:
    score: float  # 0..1: the share of both answers' own fingerprints they have in common
    shared: int  # fingerprints in common (after the ignored ones)
    fragments: tuple[Fragment, ...]


def python_tokens(source: str) -> list[Token]:
    """Python source as tokens, names people chose replaced by one symbol; comments and
    blank lines dropped. Source the tokenizer can't read goes through the plain lexer."""
    source = source[:MAX_SOURCE_CHARS]
    tokens: list[Token] = []
    try:
        for tok in tokenize.generate_tokens(io.StringIO(source).readline):
            line = tok.start[0]
            if tok.type == tokenize.NAME:
                tokens.append(Token(tok.string if tok.string in _KEPT_NAMES else _NAME, line))
            elif tok.type == tokenize.NUMBER:
                tokens.append(Token(_NUMBER, line))
            elif tok.type == tokenize.STRING:
                tokens.append(Token(_STRING, line))
            elif tok.type == tokenize.OP:
                tokens.append(Token(tok.string, line))
            elif tok.type == tokenize.NEWLINE:
                tokens.append(Token(";", line))
            elif tok.type == tokenize.INDENT:
                tokens.append(Token("{", line))
            elif tok.type == tokenize.DEDENT:
                tokens.append(Token("}", line))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return plain_tokens(source, kept=_KEPT_NAMES)
    return tokens


def plain_tokens(source: str, *, kept: frozenset[str] = _SQL_KEYWORDS) -> list[Token]:
    """Any text as tokens: words in `kept` (case-insensitive) as themselves, other words as one
    symbol, numbers and strings as one symbol each; comments dropped."""
    source = source[:MAX_SOURCE_CHARS]
    tokens: list[Token] = []
    line = 1
    position = 0
    for match in _PLAIN_TOKEN.finditer(source):
        line += source.count("\n", position, match.start())
        position = match.start()
        text = match.group()
        if text.startswith(("--", "#")):
            continue
        first = text[0]
        if first.isalpha() or first == "_":
            lowered = text.lower()
            shown = lowered if lowered in kept or text in kept else _NAME
        elif first.isdigit():
            shown = _NUMBER
        elif first in "\"'":
            shown = _STRING
        else:
            shown = text
        tokens.append(Token(shown, line))
    return tokens


def _hash(texts: Sequence[str]) -> int:
    digest = hashlib.blake2b("\x1f".join(texts).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big")


def winnow(tokens: Sequence[Token], *, k: int = K, w: int = W) -> Fingerprints:
    """The fingerprints of a token sequence: in each window of `w` consecutive k-gram hashes,
    the smallest (the rightmost on a tie), each kept once per position."""
    if len(tokens) < k:
        if not tokens:
            return Fingerprints(())
        # Shorter than one run: the whole answer is one fingerprint.
        return Fingerprints(
            (Fingerprint(_hash([t.text for t in tokens]), tokens[0].line, tokens[-1].line),)
        )
    texts = [token.text for token in tokens]
    grams = [_hash(texts[i : i + k]) for i in range(len(texts) - k + 1)]
    chosen: list[Fingerprint] = []
    last = -1
    for start in range(max(1, len(grams) - w + 1)):
        window = range(start, min(start + w, len(grams)))
        best = min(window, key=lambda i: (grams[i], -i))
        if best != last:
            chosen.append(Fingerprint(grams[best], tokens[best].line, tokens[best + k - 1].line))
            last = best
    return Fingerprints(tuple(chosen))


def fingerprints(
    source: str, *, tokenizer: Callable[[str], list[Token]] = python_tokens
) -> Fingerprints:
    """An answer's fingerprints; `tokenizer` is the answer's language's (python_tokens for
    Python, plain_tokens for SQL), which the challenge's kind chooses."""
    if not isinstance(source, str):
        return Fingerprints(())
    return winnow(tokenizer(source))


def common_hashes(answers: Iterable[Fingerprints], *, share: float = 0.5) -> frozenset[int]:
    """Fingerprints found in more than `share` of the answers (at least three): the usual way
    to write something, which says nothing about who copied whom."""
    answers = list(answers)
    if len(answers) < 3:
        return frozenset()
    counts: dict[int, int] = {}
    for answer in answers:
        for value in answer.hashes:
            counts[value] = counts.get(value, 0) + 1
    return frozenset(value for value, count in counts.items() if count > share * len(answers))


def _fragments(
    left: Fingerprints, right: Fingerprints, shared: frozenset[int]
) -> tuple[Fragment, ...]:
    """The shared fingerprints as pairs of line ranges, neighbours merged."""
    where_right: dict[int, Fingerprint] = {}
    for item in right.items:
        where_right.setdefault(item.hash, item)
    pairs: list[Fragment] = []
    for item in left.items:
        if item.hash not in shared:
            continue
        other = where_right[item.hash]
        fragment = Fragment((item.first_line, item.last_line), (other.first_line, other.last_line))
        if pairs:
            before = pairs[-1]
            touches_left = fragment.left[0] <= before.left[1] + 1
            touches_right = before.right[0] - 1 <= fragment.right[0] <= before.right[1] + 1
            if touches_left and touches_right:
                pairs[-1] = Fragment(
                    (before.left[0], max(before.left[1], fragment.left[1])),
                    (
                        min(before.right[0], fragment.right[0]),
                        max(before.right[1], fragment.right[1]),
                    ),
                )
                continue
        pairs.append(fragment)
    return tuple(pairs)


def compare(
    left: Fingerprints, right: Fingerprints, *, ignored: frozenset[int] = frozenset()
) -> Comparison:
    """How much of two answers is the same code: 2|shared| / (|left| + |right|) over their
    fingerprints, the ignored ones (starter code, common idioms) left out of every count."""
    mine = left.hashes - ignored
    theirs = right.hashes - ignored
    if not mine or not theirs:
        return Comparison(score=0.0, shared=0, fragments=())
    shared = mine & theirs
    score = 2 * len(shared) / (len(mine) + len(theirs))
    return Comparison(score=score, shared=len(shared), fragments=_fragments(left, right, shared))
