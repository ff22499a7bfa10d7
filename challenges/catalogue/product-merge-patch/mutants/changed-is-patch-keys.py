import copy


def merge_patch(target, patch):
    """RFC 7396: the result of applying `patch` to `target`, without modifying either."""
    if not isinstance(patch, dict):
        return copy.deepcopy(patch)
    result = copy.deepcopy(target) if isinstance(target, dict) else {}
    for name, value in patch.items():
        if value is None:
            result.pop(name, None)
        else:
            result[name] = merge_patch(result.get(name), value)
    return result


def apply_merge_patch(resource, patch):
    merged = merge_patch(resource, patch)
    changed = sorted(patch)
    return {"resource": merged, "changed": changed}
