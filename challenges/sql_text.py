"""SQL text read lexically, never run: split a script into statements, name a statement's
first keyword. Used on author content (DML check queries) in web and worker processes, where
no author SQL may run; linear in the text, total over any string."""

from __future__ import annotations

import re

_CLOSERS = {"'": "'", '"': '"', "`": "`", "[": "]"}
_WORD = re.compile(r"[A-Za-z_]+")


def _skip(text: str, index: int) -> tuple[int, bool]:
    """(where the token at `index` ends, whether it is a comment) for a quote or comment."""
    char = text[index]
    if char in _CLOSERS:
        end = text.find(_CLOSERS[char], index + 1)
        return (len(text) if end < 0 else end + 1), False
    if text.startswith("--", index):
        end = text.find("\n", index)
        return (len(text) if end < 0 else end + 1), True
    if text.startswith("/*", index):
        end = text.find("*/", index + 2)
        return (len(text) if end < 0 else end + 2), True
    return index, False


def code_of(text: str) -> str:
    """`text` with comments replaced by a space (quoted parts kept as they are)."""
    kept, index, length = [], 0, len(text)
    while index < length:
        end, comment = _skip(text, index)
        if end > index:
            kept.append(" " if comment else text[index:end])
            index = end
        else:
            kept.append(text[index])
            index += 1
    return "".join(kept)


def split_statements(text: str) -> list[str]:
    """The statements of a script, split on ";" outside quotes and comments; empty ones (only
    blanks and comments) are dropped."""
    code = code_of(text)
    statements, start, index, length = [], 0, 0, len(code)
    while index < length:
        end, _ = _skip(code, index)
        if end > index:
            index = end
        elif code[index] == ";":
            statements.append(code[start:index])
            start = index = index + 1
        else:
            index += 1
    statements.append(code[start:])
    return [statement.strip() for statement in statements if statement.strip()]


def first_keyword(statement: str) -> str:
    """The statement's first word, upper case ("" if it starts otherwise)."""
    match = _WORD.match(statement.lstrip("( \t\r\n"))
    return match.group(0).upper() if match else ""
