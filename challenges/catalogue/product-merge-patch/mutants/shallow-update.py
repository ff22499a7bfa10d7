def apply_merge_patch(resource, patch):
    # Wrong: a shallow update replaces nested objects wholesale instead of merging them.
    merged = dict(resource)
    for name, value in patch.items():
        if value is None:
            merged.pop(name, None)
        else:
            merged[name] = value
    changed = sorted(
        name for name in resource.keys() | merged.keys() if resource.get(name) != merged.get(name)
    )
    return {"resource": merged, "changed": changed}
