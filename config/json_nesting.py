"""How deep a parsed JSON value nests, found without recursion (any depth is safe to check)."""

from __future__ import annotations


def json_depth_over(value: object, limit: int) -> bool:
    """Does `value` nest arrays/objects deeper than `limit`?"""
    stack = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            children = node.values()
        elif isinstance(node, list):
            children = node
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False
