def simulate_retries(statuses, base, cap, max_attempts, randoms):
    delays = []
    window = min(cap, base)
    for attempt in range(1, max_attempts + 1):
        status = statuses[attempt - 1]
        if status != "timeout" and 200 <= status <= 299:
            return {"outcome": "succeeded", "attempts": attempt, "delays": delays}
        if attempt == max_attempts:
            break
        delays.append(randoms[attempt - 1] * window)
        window = min(cap, window * 2)
    return {"outcome": "exhausted", "attempts": max_attempts, "delays": delays}
