class TTLCache:
    """A least-recently-used cache whose entries also expire; `now` is always passed in."""

    def __init__(self, capacity):
        self.capacity = capacity
        self._data = {}

    def put(self, key, value, ttl, now):
        """Store `value`; return the key evicted to make room, or None."""
        self._data[key] = value
        return None

    def get(self, key, now):
        """The live value for `key`, or None."""
        return self._data.get(key)

    def size(self, now):
        """How many live entries the cache holds."""
        return len(self._data)
