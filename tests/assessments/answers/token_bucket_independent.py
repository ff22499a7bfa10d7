"""An independent token bucket, written apart from the catalogue's reference solution."""


class TokenBucket:
    """Per-key buckets that refill continuously."""

    def __init__(self, capacity, refill_per_second):
        self.cap = float(capacity)
        self.rate = float(refill_per_second)
        self.state = {}

    def _level(self, key, now):
        level, stamp = self.state.get(key, (self.cap, now))
        elapsed = max(0.0, now - stamp)
        level = min(self.cap, level + elapsed * self.rate)
        self.state[key] = (level, now)
        return level

    def allow(self, key, now, cost=1):
        level = self._level(key, now)
        if level < cost:
            return False
        self.state[key] = (level - cost, now)
        return True

    def remaining(self, key, now):
        return int(self._level(key, now) // 1)
