import hashlib


def ring_position(label):
    """Where a label sits on the ring: the first 8 bytes of its MD5, as a big-endian int."""
    return int.from_bytes(hashlib.md5(label.encode("utf-8")).digest()[:8], "big")


class HashRing:
    """A consistent-hashing ring with virtual nodes; see the statement."""

    def __init__(self, vnodes):
        self.vnodes = vnodes
        self._nodes = []

    def add_node(self, node, weight=1):
        """Add a node; return the moved tracked keys as [key, old_owner, new_owner], by key."""
        self._nodes.append(node)
        return []

    def remove_node(self, node):
        """Remove a node; return the moved tracked keys as [key, old_owner, new_owner], by key."""
        self._nodes.remove(node)
        return []

    def track(self, key):
        """Start tracking `key`; return its owner (None on an empty ring)."""
        return self.owner(key)

    def owner(self, key):
        """The node that owns `key` (None on an empty ring)."""
        # Your code here: modulo hashing moves almost every key when a node is added.
        if not self._nodes:
            return None
        return self._nodes[ring_position(key) % len(self._nodes)]
