def simulate(deadline_ms, reserve_ms, min_attempt_ms, steps):
    """Run a chain of calls under one request deadline; return the outcome and every attempt."""
    now = 0
    calls = []
    for step in steps:
        answer = step["attempts"][0]
        # Your code here: timeouts, retries, the deadline.
        now += answer["ms"] or step["timeout_ms"]
        calls.append([step["service"], 1, "ok", step["timeout_ms"]])
    return {"status": "ok", "elapsed_ms": now, "calls": calls}
