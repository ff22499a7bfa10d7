"""Child side of the harness: imports the candidate's module and calls it once per case.

Reads a request line {"source_path", "entrypoint"} on stdin, imports the module, says
"ready" on fd 3, then reads one case per line ({"id", "input"}) and answers each with one
"result" event on fd 3 before the next case is sent: this process never holds a case it is not
running. The candidate's code runs in this process, so everything here is untrusted: the
parent checks the protocol and the worker, outside the sandbox, decides what is right.

An `Exception` raised by the function, or by one op of a class case, is an outcome, not an
error: it comes back as {"__raised__": {"type", "mro", "message"}} in place of that value (a
class case's later ops still run), because only the worker knows whether it was expected. A
`BaseException` that isn't an `Exception` (SystemExit, KeyboardInterrupt) fails the case.
"""

import contextlib
import importlib.util
import io
import json
import math
import os
import sys
import time
import traceback
from decimal import Decimal

events = os.fdopen(3, "w", buffering=1, encoding="utf-8")
# The case feed moves off fd 0: the code reading its stdin gets nothing.
feed = os.fdopen(os.dup(0), "r", encoding="utf-8")
os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
sys.stdin = open(os.devnull)  # noqa: SIM115
_dumps = json.dumps
_loads = json.loads
_perf = time.perf_counter
MAX_DEPTH = 64
# A raised exception as data: its message and class names are capped, read without trusting
# the class (a metaclass may override `__name__`, a class `__str__` may raise).
MAX_MESSAGE = 1000
MAX_NAME = 200
MAX_MRO = 32
MAX_ERROR = 4000
_type_name = type.__dict__["__name__"].__get__
_type_mro = type.__dict__["__mro__"].__get__
_str_slice = str.__getitem__


class CappedText(io.StringIO):
    """What a case printed, kept up to a cap (the rest is counted, not kept)."""

    CAP = 16 * 1024

    def __init__(self):
        super().__init__()
        self.dropped = 0

    def write(self, text):
        room = self.CAP - self.tell()
        if room > 0:
            super().write(text[:room])
        self.dropped += max(0, len(text) - max(room, 0))
        return len(text)

    def text(self):
        value = self.getvalue()
        return value + (f"\n[... {self.dropped} more characters]" if self.dropped else "")


def emit(payload):
    events.write(_dumps(payload, ensure_ascii=True, allow_nan=False) + "\n")
    events.flush()


def jsonable(value, depth=1):
    """Turn a returned value into plain JSON data the worker can compare."""
    if depth > MAX_DEPTH:
        raise ValueError(f"the returned value is nested more than {MAX_DEPTH} deep")
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return {"__float__": repr(value)}
        return value
    if isinstance(value, Decimal):
        return {"__decimal__": str(value)}
    if isinstance(value, (list, tuple)):
        return [jsonable(item, depth + 1) for item in value]
    if isinstance(value, (set, frozenset)):
        items = [jsonable(item, depth + 1) for item in value]
        return sorted(items, key=lambda item: _dumps(item, sort_keys=True))
    if isinstance(value, dict):
        return {str(key): jsonable(item, depth + 1) for key, item in value.items()}
    if isinstance(value, bytes):
        return {"__bytes__": value.hex()}
    raise TypeError(f"returned a {type(value).__name__}, which is not plain data")


class CaseError(Exception):
    """A case the code can't be driven through as asked (not an exception of the code's own)."""


def plain_text(value, cap):
    """`value` as a real str of at most `cap` characters; None if it isn't a str at all."""
    try:
        # str's own slicing: a str subclass can't intercept it, and the result is a plain str.
        return _str_slice(value, slice(0, cap))
    except BaseException:
        return None


def class_name(cls):
    try:
        return plain_text(_type_name(cls), MAX_NAME) or "?"
    except BaseException:
        return "?"


def raised(exc):
    """An exception the code raised, as data the worker can compare with a `$raises`."""
    cls = type(exc)
    try:
        mro = [class_name(klass) for klass in _type_mro(cls)[:MAX_MRO] if klass is not object]
    except BaseException:
        mro = []
    try:
        message = plain_text(str(exc), MAX_MESSAGE)
    except BaseException:
        message = None
    if message is None:
        message = "(the exception's message could not be read)"
    return {"__raised__": {"type": class_name(cls), "mro": mro, "message": message}}


def short_traceback(exc):
    try:
        lines = traceback.format_exception(type(exc), exc, exc.__traceback__)
    except BaseException:
        # Formatting reads the exception's own attributes and message: they may be hostile.
        return f"{class_name(type(exc))} (its traceback could not be read)"
    # Drop the frames of this runner: the candidate needs their own code's frames.
    kept = [line for line in lines if "/opt/harness/" not in line]
    return "".join(kept)[-MAX_ERROR:]


def load(source_path):
    spec = importlib.util.spec_from_file_location("solution", source_path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["solution"] = module
    spec.loader.exec_module(module)
    return module


def op_value(value):
    """One op's return value as data, or a marker saying why it isn't (the worker decides:
    `{"$any": true}` accepts it, anything else fails the case with this reason)."""
    try:
        return jsonable(value, depth=2)
    except (TypeError, ValueError, RecursionError) as exc:
        return {"__not_data__": plain_text(str(exc), MAX_MESSAGE) or "not plain data"}


def perform(instance, op):
    if "attr" in op:
        value = getattr(instance, op["attr"])
        if callable(value):
            raise CaseError(
                f"`{op['attr']}` is a method (or another callable), read here as an attribute: "
                "make it a property or a plain attribute"
            )
        return value
    return getattr(instance, op["method"])(*op.get("args", []), **op.get("kwargs", {}))


def run_ops(target, ops):
    """Construct with the first op, then run every other op in order: (values, tracebacks)."""
    outputs, traces = [], []
    instance = None
    for index, op in enumerate(ops):
        try:
            if index == 0:
                instance = target(*op.get("args", []), **op.get("kwargs", {}))
                value = None
            else:
                value = perform(instance, op)
        except CaseError:
            raise
        except Exception as exc:
            outputs.append(raised(exc))
            traces.append(f"op {index + 1}: {short_traceback(exc)}")
            if index == 0:
                break  # nothing was constructed: no other op can run
            continue
        outputs.append(None if index == 0 else op_value(value))
    return outputs, "\n".join(traces)[-MAX_ERROR:]


def call_case(target, data):
    """(actual, tracebacks of the exceptions it reports as outcomes)."""
    if "ops" in data:
        return run_ops(target, data["ops"])
    try:
        value = target(*data.get("args", []), **data.get("kwargs", {}))
    except Exception as exc:
        return raised(exc), short_traceback(exc)
    return jsonable(value), ""


def run_one(target, line):
    case = _loads(line)
    started = _perf()
    printed = CappedText()
    try:
        with contextlib.redirect_stdout(printed):
            actual, traces = call_case(target, case["input"])
        result = {"event": "result", "status": "ok", "actual": actual, "error": traces}
    except CaseError as exc:
        result = {"event": "result", "status": "runtime_error", "error": str(exc)}
    except BaseException as exc:
        result = {"event": "result", "status": "runtime_error", "error": short_traceback(exc)}
    result["time_ms"] = int((_perf() - started) * 1000)
    result["output"] = printed.text()
    try:
        emit(result)
    except (TypeError, ValueError, RecursionError) as exc:
        emit({"event": "result", "status": "runtime_error", "error": str(exc)[:4000]})


def main():
    request = _loads(feed.readline())
    try:
        module = load(request["source_path"])
    except SyntaxError as exc:
        detail = "".join(traceback.format_exception_only(type(exc), exc))
        emit({"event": "load_error", "kind": "syntax_error", "error": detail[-4000:]})
        return
    except BaseException as exc:
        emit({"event": "load_error", "kind": "runtime_error", "error": short_traceback(exc)})
        return
    target = getattr(module, request["entrypoint"], None)
    if target is None or not callable(target):
        emit(
            {
                "event": "load_error",
                "kind": "runtime_error",
                "error": f"`{request['entrypoint']}` is not defined (or not callable) in your code",
            }
        )
        return
    emit({"event": "ready"})
    for line in feed:
        run_one(target, line)


main()
