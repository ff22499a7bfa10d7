def simulate(deadline_ms, reserve_ms, min_attempt_ms, steps):
    """Run a chain of calls under one request deadline; return the outcome and every attempt."""
    now = 0
    calls = []

    def result(status):
        return {"status": status, "elapsed_ms": now, "calls": calls}

    for step in steps:
        for number in range(1, step["max_attempts"] + 1):
            if number > 1:
                now += step["backoff_ms"]
            remaining = deadline_ms - reserve_ms - now
            # Starting a call that can't finish in time only adds load downstream.
            if remaining < min_attempt_ms:
                return result("deadline_exceeded")
            timeout = step["timeout_ms"]
            answer = step["attempts"][number - 1]
            if answer["ms"] is not None and answer["ms"] <= timeout:
                now += answer["ms"]
                outcome = "ok" if answer["ok"] else "error"
            else:
                now += timeout
                outcome = "timeout"
            calls.append([step["service"], number, outcome, timeout])
            if outcome == "ok":
                break
            if outcome == "timeout" and not step["idempotent"]:
                # It may have happened: retrying could do it twice.
                return result("unknown")
        else:
            return result("failed")
    return result("ok")
