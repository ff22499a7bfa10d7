"""Child side of the harness: imports the candidate's module and calls it once per case.

Reads a request line {"source_path", "entrypoint"} on stdin, imports the module, says
"ready" on fd 3, then reads one case per line ({"id", "input"}) and answers each with one
"result" event on fd 3 before the next case is sent: this process never holds a case it is not
running. The candidate's code runs in this process, so everything here is untrusted: the
parent checks the protocol and the worker, outside the sandbox, decides what is right.
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


def short_traceback(exc):
    lines = traceback.format_exception(type(exc), exc, exc.__traceback__)
    # Drop the frames of this runner: the candidate needs their own code's frames.
    kept = [line for line in lines if "/opt/harness/" not in line]
    return "".join(kept)[-4000:]


def load(source_path):
    spec = importlib.util.spec_from_file_location("solution", source_path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["solution"] = module
    spec.loader.exec_module(module)
    return module


def call_case(target, data):
    if "ops" in data:
        instance = None
        outputs = []
        for op in data["ops"]:
            args, kwargs = op.get("args", []), op.get("kwargs", {})
            if instance is None:
                instance = target(*args, **kwargs)
                outputs.append(None)
            else:
                outputs.append(getattr(instance, op["method"])(*args, **kwargs))
        return outputs
    return target(*data.get("args", []), **data.get("kwargs", {}))


def run_one(target, line):
    case = _loads(line)
    started = _perf()
    printed = CappedText()
    try:
        with contextlib.redirect_stdout(printed):
            actual = jsonable(call_case(target, case["input"]))
        result = {"event": "result", "status": "ok", "actual": actual}
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
