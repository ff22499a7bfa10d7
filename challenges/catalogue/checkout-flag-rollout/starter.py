import hashlib


def evaluate_flag(flag, users):
    """Decide, for each user in order, whether the flag is on: see the statement."""
    results = []
    for user in users:
        digest = hashlib.sha256(f"{flag['key']}:{user['id']}".encode()).hexdigest()
        bucket = int(digest, 16) % 10_000
        # Your code here: the lists and the rules are ignored.
        enabled = bucket < flag["default_rollout_bp"]
        results.append(
            {"user": user["id"], "enabled": enabled, "bucket": bucket, "reason": "default"}
        )
    return results
