def is_retryable(status):
    if status == "timeout":
        return True
    return status in (408, 429) or 500 <= status <= 599


def simulate_retries(statuses, base, cap, max_attempts, randoms):
    # Bug: treats max_attempts as the number of *retries*, making one attempt too many.
    delays = []
    window = min(cap, base)
    for attempt in range(1, max_attempts + 2):
        status = statuses[attempt - 1] if attempt <= len(statuses) else 503
        if status != "timeout" and 200 <= status <= 299:
            return {"outcome": "succeeded", "attempts": attempt, "delays": delays}
        if not is_retryable(status):
            return {"outcome": "failed", "attempts": attempt, "delays": delays}
        if attempt == max_attempts + 1:
            break
        delays.append(randoms[attempt - 1] * window if attempt <= len(randoms) else window)
        window = min(cap, window * 2)
    return {"outcome": "exhausted", "attempts": max_attempts + 1, "delays": delays}
