def authorize(actor, action, resource):
    """Decide whether actor may do action on resource: "allow" or "deny:<reason>"."""
    role = actor["memberships"].get(resource["store"])
    # Your code here.
    return "allow"
