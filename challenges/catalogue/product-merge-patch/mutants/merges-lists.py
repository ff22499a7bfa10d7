import copy


def merge_patch(target, patch):
    # Wrong: lists are merged element by element instead of being replaced.
    if isinstance(patch, list) and isinstance(target, list):
        merged = [merge_patch(t, p) for t, p in zip(target, patch, strict=False)]
        return merged + copy.deepcopy(patch[len(target) :]) + copy.deepcopy(target[len(patch) :])
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
    changed = sorted(
        name
        for name in resource.keys() | merged.keys()
        if (name in resource) != (name in merged) or resource.get(name) != merged.get(name)
    )
    return {"resource": merged, "changed": changed}
