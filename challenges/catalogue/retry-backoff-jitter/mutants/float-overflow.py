def is_retryable(status):
    if status == "timeout":
        return True
    return status in (408, 429) or 500 <= status <= 599


def simulate_retries(statuses, base, cap, max_attempts, randoms):
    delays = []
    for attempt in range(1, max_attempts + 1):
        status = statuses[attempt - 1]
        if status != "timeout" and 200 <= status <= 299:
            return {"outcome": "succeeded", "attempts": attempt, "delays": delays}
        if not is_retryable(status):
            return {"outcome": "failed", "attempts": attempt, "delays": delays}
        if attempt == max_attempts:
            break
        delays.append(randoms[attempt - 1] * min(cap, base * 2 ** (attempt - 1)))
    return {"outcome": "exhausted", "attempts": max_attempts, "delays": delays}
