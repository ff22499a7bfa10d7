"""Child side of the harness for API challenges: drive the candidate's WSGI app in-process.

Reads a request line {"source_path", "entrypoint", "factory"} on stdin, imports the app once
to check it loads, says "ready" on fd 3, then reads one scenario per line and answers each
with a result event (the list of responses) before the next is sent. A scenario is
{"requests": [{"method", "path", "query", "headers", "json" | "body"}, ...]} and gets a freshly
imported module (no state leaks between scenarios). A scenario with "setup" (the author's seed
data, a JSON object) calls the factory with it: create_app(setup). Strings in a request may
refer to an earlier response of the same scenario: {{0.json.id}}, {{1.headers.etag}},
{{0.status}}.
Untrusted: the worker judges the responses outside.
"""

import importlib.util
import json
import os
import re
import sys
import time
import traceback

events = os.fdopen(3, "w", buffering=1, encoding="utf-8")
feed = os.fdopen(os.dup(0), "r", encoding="utf-8")
os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
MAX_BODY = 64 * 1024
REFERENCE = re.compile(r"\{\{\s*(\d+)\.([A-Za-z0-9_.\-]+)\s*\}\}")


def emit(payload):
    events.write(json.dumps(payload, ensure_ascii=True, allow_nan=False) + "\n")
    events.flush()


def short_traceback(exc):
    lines = traceback.format_exception(type(exc), exc, exc.__traceback__)
    return "".join(line for line in lines if "/opt/harness/" not in line)[-4000:]


def load(source_path, counter):
    spec = importlib.util.spec_from_file_location(f"solution_{counter}", source_path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def lookup(responses, index, path):
    if index >= len(responses):
        raise LookupError(f"step {index} has not run yet")
    value = responses[index]
    for part in path.split("."):
        if isinstance(value, dict):
            value = value.get(part.lower() if value is responses[index]["headers"] else part)
        elif isinstance(value, list) and part.isdigit():
            value = value[int(part)]
        else:
            raise LookupError(f"no {path!r} in the response of step {index}")
        if value is None:
            raise LookupError(f"no {path!r} in the response of step {index}")
    return value


def resolve(value, responses):
    """Fill {{N.path}} references from earlier responses (a whole-string reference keeps type)."""
    if isinstance(value, str):
        whole = REFERENCE.fullmatch(value.strip())
        if whole:
            return lookup(responses, int(whole.group(1)), whole.group(2))
        return REFERENCE.sub(lambda m: str(lookup(responses, int(m.group(1)), m.group(2))), value)
    if isinstance(value, list):
        return [resolve(item, responses) for item in value]
    if isinstance(value, dict):
        return {key: resolve(item, responses) for key, item in value.items()}
    return value


def send(client, request):
    kwargs = {
        "method": request.get("method", "GET").upper(),
        "query_string": request.get("query") or None,
        "headers": request.get("headers") or {},
    }
    if "json" in request:
        kwargs["json"] = request["json"]
    elif "body" in request:
        kwargs["data"] = request["body"]
    response = client.open(request["path"], **kwargs)
    raw = response.get_data()
    result = {
        "status": response.status_code,
        "headers": {name.lower(): value for name, value in response.headers.items()},
    }
    if len(raw) > MAX_BODY:
        result["text"] = raw[:MAX_BODY].decode("utf-8", "replace")
        result["truncated"] = True
        return result
    text = raw.decode("utf-8", "replace")
    try:
        result["json"] = json.loads(text) if text.strip() else None
        if not text.strip():
            result["text"] = ""
            del result["json"]
    except ValueError:
        result["text"] = text
    return result


def main():
    request = json.loads(feed.readline())
    sys.stdin = open(os.devnull)  # noqa: SIM115
    from werkzeug.test import Client

    try:
        module = load(request["source_path"], 0)
    except SyntaxError as exc:
        detail = "".join(traceback.format_exception_only(type(exc), exc))
        emit({"event": "load_error", "kind": "syntax_error", "error": detail[-4000:]})
        return
    except BaseException as exc:
        emit({"event": "load_error", "kind": "runtime_error", "error": short_traceback(exc)})
        return
    if not callable(getattr(module, request["entrypoint"], None)):
        emit(
            {
                "event": "load_error",
                "kind": "runtime_error",
                "error": f"`{request['entrypoint']}` is not defined (or not callable) in your code",
            }
        )
        return
    emit({"event": "ready"})
    for number, line in enumerate(feed, start=1):
        case = json.loads(line)
        started = time.perf_counter()
        responses = []
        try:
            # A fresh module per scenario: state never leaks from one scenario to the next.
            target = getattr(load(request["source_path"], number), request["entrypoint"])
            if "setup" in case["input"]:
                app = target(case["input"]["setup"])
            else:
                app = target() if request.get("factory") else target
            client = Client(app)
            for step in case["input"]["requests"]:
                responses.append(send(client, resolve(step, responses)))
            result = {"event": "result", "status": "ok", "actual": responses}
        except BaseException as exc:
            result = {
                "event": "result",
                "status": "runtime_error",
                "error": f"step {len(responses)}: " + short_traceback(exc),
            }
        result["time_ms"] = int((time.perf_counter() - started) * 1000)
        emit(result)


main()
