def merge_into(target, patch):
    for name, value in patch.items():
        if value is None:
            target.pop(name, None)
        elif isinstance(value, dict):
            if not isinstance(target.get(name), dict):
                target[name] = {}
            merge_into(target[name], value)
        else:
            target[name] = value


def apply_merge_patch(resource, patch):
    # Wrong: merges into the caller's dict after only a shallow copy, so nested objects are
    # shared and a change inside one is invisible when comparing "before" with "after".
    before = dict(resource)
    merge_into(resource, patch)
    changed = sorted(
        name
        for name in before.keys() | resource.keys()
        if (name in before) != (name in resource) or before.get(name) != resource.get(name)
    )
    return {"resource": resource, "changed": changed}
