def is_retryable(status):
    if status == "timeout":
        return True
    return status in (408, 429) or 500 <= status <= 599


def simulate_retries(statuses, base, cap, max_attempts, randoms):
    delays = []
    window = base
    for attempt in range(1, max_attempts + 1):
        status = statuses[attempt - 1]
        if status != "timeout" and 200 <= status <= 299:
            return {"outcome": "succeeded", "attempts": attempt, "delays": delays}
        if not is_retryable(status):
            return {"outcome": "failed", "attempts": attempt, "delays": delays}
        if attempt == max_attempts:
            break
        delays.append(min(cap, randoms[attempt - 1] * window))
        window = min(window * 2, 1e300)
    return {"outcome": "exhausted", "attempts": max_attempts, "delays": delays}
