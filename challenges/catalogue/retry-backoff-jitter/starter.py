def simulate_retries(statuses, base, cap, max_attempts, randoms):
    """Replay a retry policy with exponential backoff and full jitter; see the statement."""
    delays = []
    # Your code here.
    return {"outcome": "succeeded", "attempts": 1, "delays": delays}
