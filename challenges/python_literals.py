"""A candidate's custom input for a Python function: call arguments written as Python literals,
parsed without evaluating anything.

`parse_arguments('[1, 2], coupon="SAVE10"')` returns `{"args": [[1, 2]], "kwargs": {"coupon":
"SAVE10"}}`, the shape of a case's input. The text is parsed by `ast` as the arguments of a call
and every node is checked: only literals that JSON can carry (numbers, strings, lists, tuples as
lists, dicts with string keys, True, False, None, a minus sign on a number). Names, calls,
attributes, operators, comprehensions, f-strings, bytes and sets are refused with the line and
column where they start. Size, nesting, element count and integer size are capped before the
input goes anywhere near a sandbox.
"""

from __future__ import annotations

import ast
import math
import re
from typing import Any

MAX_INPUT_BYTES = 20_000
MAX_DEPTH = 32
MAX_ELEMENTS = 5_000
# JSON numbers beyond 64 bits lose digits in browsers; the statements' inputs stay within them.
MAX_INT = 2**63 - 1
MIN_INT = -(2**63)
LITERALS = "numbers, strings, lists, tuples, dicts, True, False and None"
# The wrapper's opening line: the candidate's text starts on line 2 of what `ast` parses.
_PREFIX = "_(\n"


class InputRejected(ValueError):
    """The text isn't call arguments made of literals; the message says where and why."""


def _where(node: ast.AST) -> str:
    line = getattr(node, "lineno", 2) - 1
    column = getattr(node, "col_offset", 0) + 1
    return f"line {line}, column {column}"


_REFUSED = {
    ast.Name: "names are not values",
    ast.Call: "calls are not allowed",
    ast.Attribute: "attributes are not allowed",
    ast.Subscript: "indexing is not allowed",
    ast.BinOp: "operators are not allowed (write the value itself)",
    ast.BoolOp: "operators are not allowed (write the value itself)",
    ast.Compare: "comparisons are not allowed (write the value itself)",
    ast.Lambda: "lambdas are not allowed",
    ast.IfExp: "conditional expressions are not allowed",
    ast.JoinedStr: "f-strings are not allowed",
    ast.Set: "sets are not allowed (JSON has no sets: use a list)",
    ast.ListComp: "comprehensions are not allowed",
    ast.SetComp: "comprehensions are not allowed",
    ast.DictComp: "comprehensions are not allowed",
    ast.GeneratorExp: "generators are not allowed",
    ast.Starred: "unpacking (*) is not allowed",
    ast.NamedExpr: "assignments are not allowed",
    ast.Await: "await is not allowed",
    ast.Yield: "yield is not allowed",
    ast.YieldFrom: "yield is not allowed",
}


class _Reader:
    """Turns checked literal nodes into JSON values, counting elements as it goes."""

    def __init__(self) -> None:
        self.elements = 0

    def value(self, node: ast.AST, depth: int) -> Any:
        self.elements += 1
        if self.elements > MAX_ELEMENTS:
            raise InputRejected(
                f"{_where(node)}: more than {MAX_ELEMENTS} values; keep custom inputs small"
            )
        if depth > MAX_DEPTH:
            raise InputRejected(f"{_where(node)}: nested more than {MAX_DEPTH} levels deep")
        if isinstance(node, ast.Constant):
            return self.constant(node, node.value)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
            operand = node.operand
            if isinstance(operand, ast.Constant) and _is_number(operand.value):
                return self.constant(
                    node, -operand.value if isinstance(node.op, ast.USub) else operand.value
                )
            raise InputRejected(f"{_where(node)}: a sign goes before a number only")
        if isinstance(node, (ast.List, ast.Tuple)):
            return [self.value(item, depth + 1) for item in node.elts]
        if isinstance(node, ast.Dict):
            result: dict[str, Any] = {}
            for key, item in zip(node.keys, node.values, strict=True):
                if key is None:
                    raise InputRejected(f"{_where(item)}: unpacking (**) is not allowed")
                if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
                    raise InputRejected(
                        f"{_where(key)}: dict keys must be strings (JSON objects have text keys)"
                    )
                self.elements += 1
                result[key.value] = self.value(item, depth + 1)
            return result
        reason = _REFUSED.get(type(node), f"{type(node).__name__} is not a literal")
        if isinstance(node, ast.Name):
            reason = f"names are not values (`{node.id[:40]}`): write the value itself"
        raise InputRejected(f"{_where(node)}: {reason}; use {LITERALS}")

    def constant(self, node: ast.AST, value: Any) -> Any:
        if value is None or isinstance(value, (bool, str)):
            return value
        if isinstance(value, int):
            if not MIN_INT <= value <= MAX_INT:
                raise InputRejected(
                    f"{_where(node)}: integers are limited to 64 bits ({MIN_INT} to {MAX_INT})"
                )
            return value
        if isinstance(value, float):
            if not math.isfinite(value):
                raise InputRejected(
                    f"{_where(node)}: the number is too large for a float (inf is not a value)"
                )
            return value
        if isinstance(value, complex):
            raise InputRejected(f"{_where(node)}: complex numbers are not allowed")
        if isinstance(value, bytes):
            raise InputRejected(f"{_where(node)}: bytes are not allowed (use a string)")
        raise InputRejected(
            f"{_where(node)}: {type(value).__name__} is not allowed; use {LITERALS}"
        )


def _syntax_message(exc: SyntaxError, text: str) -> str:
    """Python's message about the wrapped text, in the candidate's own line numbers."""
    lines = text.count("\n") + 1
    message = exc.msg or "invalid syntax"
    opened = re.search(r"on line (\d+)", message)
    if "integer string conversion" in message:
        message = f"integers are limited to 64 bits ({MIN_INT} to {MAX_INT})"
    line, column = (exc.lineno or 2) - 1, exc.offset or 1
    if line > lines:
        if "does not match" in message:
            # Python stopped at the wrapper's closing parenthesis: something was left open.
            where = f" on line {int(opened.group(1)) - 1}" if opened else ""
            return f"the input ends too early: a bracket or brace opened{where} is not closed"
        line, column = lines, 1
    message = re.sub(r"line (\d+)", lambda m: f"line {max(1, int(m.group(1)) - 1)}", message)
    return f"line {max(1, line)}, column {column}: {message}"


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float, complex)) and not isinstance(value, bool)


def parse_arguments(text: str) -> dict[str, Any]:
    """The call arguments in `text` as {"args": [...], "kwargs": {...}}; raises InputRejected."""
    if not isinstance(text, str):
        raise InputRejected("the input must be text")
    if "\x00" in text:
        raise InputRejected("the input contains a NUL byte")
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_INPUT_BYTES:
        raise InputRejected(f"the input is {size} bytes; the limit is {MAX_INPUT_BYTES} bytes")
    try:
        tree = ast.parse(_PREFIX + text + "\n)", mode="eval")
    except SyntaxError as exc:
        raise InputRejected(_syntax_message(exc, text)) from None
    except (ValueError, MemoryError, RecursionError) as exc:
        # ValueError: an integer literal past Python's digit limit; the others: absurd nesting.
        raise InputRejected(f"the input can't be read: {str(exc)[:200]}") from None
    call = tree.body
    # Text like `1), f(2` parses, but not as one call of `_`: it is refused here.
    if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "_"):
        raise InputRejected("write the arguments only, e.g. [1, 2], key='value'")
    if call.func.end_lineno != 1 or getattr(call, "end_lineno", 0) != text.count("\n") + 3:
        raise InputRejected("write the arguments only, e.g. [1, 2], key='value'")
    reader = _Reader()
    args = []
    for node in call.args:
        if isinstance(node, ast.Starred):
            raise InputRejected(f"{_where(node)}: unpacking (*) is not allowed")
        args.append(reader.value(node, 1))
    kwargs: dict[str, Any] = {}
    for keyword in call.keywords:
        if keyword.arg is None:
            raise InputRejected(f"{_where(keyword.value)}: unpacking (**) is not allowed")
        if keyword.arg in kwargs:
            raise InputRejected(f"{_where(keyword)}: the argument {keyword.arg} is given twice")
        kwargs[keyword.arg] = reader.value(keyword.value, 1)
    return {"args": args, "kwargs": kwargs}


def write_arguments(case_input: dict[str, Any]) -> str:
    """A case's {"args", "kwargs"} as the text `parse_arguments` reads back (repr of JSON values
    is a Python literal)."""
    parts = [repr(arg) for arg in case_input.get("args", [])]
    parts += [f"{name}={value!r}" for name, value in case_input.get("kwargs", {}).items()]
    return ", ".join(parts)
