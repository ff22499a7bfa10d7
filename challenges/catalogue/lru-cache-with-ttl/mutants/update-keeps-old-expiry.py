from collections import OrderedDict


class TTLCache:
    def __init__(self, capacity):
        self.capacity = capacity
        # key -> (value, expires_at or None), least recently used first
        self._entries = OrderedDict()

    @staticmethod
    def _expired(expires_at, now):
        return expires_at is not None and now >= expires_at

    def _drop_expired(self, now):
        for key in [k for k, (_, exp) in self._entries.items() if self._expired(exp, now)]:
            del self._entries[key]

    def get(self, key, now):
        entry = self._entries.get(key)
        if entry is None:
            return None
        value, expires_at = entry
        if self._expired(expires_at, now):
            del self._entries[key]
            return None
        self._entries.move_to_end(key)
        return value

    def put(self, key, value, ttl, now):
        expires_at = None if ttl is None else now + ttl
        evicted = None
        is_new = self.get(key, now) is None  # missing or expired (get dropped it)
        if is_new and len(self._entries) >= self.capacity:
            self._drop_expired(now)
            if len(self._entries) >= self.capacity:
                evicted, _ = self._entries.popitem(last=False)
        if not is_new:
            expires_at = self._entries[key][1]
        self._entries[key] = (value, expires_at)
        self._entries.move_to_end(key)
        return evicted

    def size(self, now):
        self._drop_expired(now)
        return len(self._entries)
