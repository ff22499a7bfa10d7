class EdgeCache:
    """A byte-bounded LFU cache."""

    def __init__(self, capacity_bytes):
        self.cap = capacity_bytes
        self.e = {}
        self.t = 0
        self.hits = 0
        self.misses = 0

    def _bytes(self):
        return sum(v[1] for v in self.e.values())

    def get(self, key):
        if key not in self.e:
            self.misses += 1
            return None
        self.hits += 1
        self.t += 1
        v = self.e[key]
        v[2] += 1
        v[3] = self.t
        return v[0]

    def _evict(self, needed, keep=None):
        out = []
        while self._bytes() + needed > self.cap:
            k = min((k for k in self.e if k != keep), key=lambda k: (self.e[k][2], self.e[k][3]))
            del self.e[k]
            out.append(k)
        return out

    def put(self, key, value, size):
        if size > self.cap:
            self.e.pop(key, None)
            return []
        self.t += 1
        if key in self.e:
            v = self.e[key]
            v[0] = value
            v[1] = size
            v[2] = 1
            v[3] = self.t
            return self._evict(0, keep=key)
        out = self._evict(size)
        self.e[key] = [value, size, 1, self.t]
        return out

    def stats(self):
        return {
            "entries": len(self.e),
            "bytes": self._bytes(),
            "hits": self.hits,
            "misses": self.misses,
        }
