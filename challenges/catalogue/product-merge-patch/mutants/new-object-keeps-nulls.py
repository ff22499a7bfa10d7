import copy


def merge_patch(target, patch):
    """RFC 7396: the result of applying `patch` to `target`, without modifying either."""
    if not isinstance(patch, dict):
        return copy.deepcopy(patch)
    if not isinstance(target, dict):
        return copy.deepcopy(patch)
    result = copy.deepcopy(target)
    for name, value in patch.items():
        if value is None:
            result.pop(name, None)
        else:
            result[name] = merge_patch(result.get(name), value)
    return result


def apply_merge_patch(resource, patch):
    merged = merge_patch(resource, patch)
    missing = object()
    changed = sorted(
        name
        for name in resource.keys() | merged.keys()
        if resource.get(name, missing) != merged.get(name, missing)
    )
    return {"resource": merged, "changed": changed}
