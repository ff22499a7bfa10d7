ROLES = ("viewer", "staff", "manager", "owner")
ACTIONS = {
    "product": {"read", "create", "update", "delete"},
    "order": {"read", "update", "export"},
    "refund": {"create"},
    "payout_settings": {"read", "update"},
    "staff": {"read", "create", "delete"},
}
REFUND_LIMITS = {"staff": 5_000, "manager": 50_000, "owner": None}


def _rank(role):
    return ROLES.index(role)


def _valid(actor, action, resource):
    if not isinstance(actor, dict) or not isinstance(resource, dict):
        return False
    if action not in ACTIONS.get(resource.get("type"), ()):
        return False
    if not isinstance(resource.get("store"), str):
        return False
    if resource["type"] == "refund":
        amount = resource.get("amount_cents")
        if isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0:
            return False
    if resource["type"] == "staff" and action in ("create", "delete"):
        if resource.get("role") not in ROLES:
            return False
    return True


def _store_rule(role, actor_id, action, resource):
    """The decision for a member of the resource's store with this role."""
    kind = resource["type"]
    rank = _rank(role)
    if kind == "product":
        if action == "read":
            return "allow"
        if action == "create":
            return "allow" if rank >= _rank("staff") else "deny:role"
        if rank >= _rank("manager"):
            return "allow"
        if rank == _rank("staff"):
            return "allow" if resource.get("created_by") == actor_id else "deny:not_owner"
        return "deny:role"
    if kind == "order":
        needed = {"read": "viewer", "update": "staff", "export": "manager"}[action]
        return "allow" if rank >= _rank(needed) else "deny:role"
    if kind == "refund":
        if rank < _rank("staff"):
            return "deny:role"
        limit = REFUND_LIMITS[role]
        return "allow" if limit is None or resource["amount_cents"] <= limit else "deny:limit"
    if kind == "payout_settings":
        needed = {"read": "manager", "update": "owner"}[action]
        return "allow" if rank >= _rank(needed) else "deny:role"
    # staff
    if action == "read":
        return "allow" if rank >= _rank("manager") else "deny:role"
    if action == "delete" and resource.get("user") == actor_id:
        return "deny:self"
    if role == "owner":
        return "allow"
    if role == "manager":
        return "allow"
    return "deny:role"


def authorize(actor, action, resource):
    """Decide whether actor may do action on resource: "allow" or "deny:<reason>"."""
    # Anything we don't recognise is refused: new actions must be granted explicitly.
    if not _valid(actor, action, resource):
        return "deny:unknown"
    if actor.get("status") != "active":
        return "deny:suspended"
    platform = actor.get("platform_role")
    kind = resource["type"]
    if platform == "admin" and not (kind == "payout_settings" and action == "update"):
        return "allow"
    if platform == "support" and action == "read" and kind != "payout_settings":
        return "allow"
    memberships = actor.get("memberships") or {}
    role = memberships.get(resource["store"])
    if role not in ROLES:
        return "deny:not_member"
    return _store_rule(role, actor.get("id"), action, resource)
