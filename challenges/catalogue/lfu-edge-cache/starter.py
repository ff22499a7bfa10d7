class EdgeCache:
    """A byte-bounded LFU cache (see the statement)."""

    def __init__(self, capacity_bytes):
        self.capacity = capacity_bytes

    def get(self, key):
        return None

    def put(self, key, value, size):
        return []

    def stats(self):
        return {"entries": 0, "bytes": 0, "hits": 0, "misses": 0}
