import hashlib

BUCKETS = 10_000


def bucket_for(flag_key, user_id):
    digest = hashlib.sha256(f"{flag_key}:{user_id}".encode()).hexdigest()
    return int(digest, 16) % BUCKETS


def rule_matches(rule, attributes):
    value_listed = attributes.get(rule["attribute"]) in rule["values"]
    return value_listed if rule["op"] == "in" else not value_listed


def decide(flag, user, bucket):
    """(enabled, reason) for one user."""
    if not flag["active"]:
        return False, "inactive"
    if user["id"] in flag["deny"]:
        return False, "deny_list"
    if user["id"] in flag["allow"]:
        return True, "allow_list"
    for index, rule in enumerate(flag["rules"]):
        if rule_matches(rule, user["attributes"]):
            return bucket < rule["rollout_bp"], f"rule:{index}"
    return bucket < flag["default_rollout_bp"], "default"


def evaluate_flag(flag, users):
    deny, allow = set(flag["deny"]), set(flag["allow"])
    flag = {**flag, "deny": deny, "allow": allow}
    results = []
    for user in users:
        bucket = bucket_for(flag["key"], user["id"])
        enabled, reason = decide(flag, user, bucket)
        results.append({"user": user["id"], "enabled": enabled, "bucket": bucket, "reason": reason})
    return results
