def apply_merge_patch(resource, patch):
    """Apply a JSON Merge Patch (RFC 7396) to `resource`; report the top-level fields changed."""
    # Your code here: a shallow update is not a merge patch.
    merged = {**resource, **patch}
    return {"resource": merged, "changed": sorted(patch)}
