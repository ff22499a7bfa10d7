import math


class TokenBucket:
    def __init__(self, capacity, refill_per_second):
        self.capacity = capacity
        self.refill_per_second = refill_per_second
        self._tokens = float(capacity)
        self._last_seen = None

    def _refill(self, now):
        if self._last_seen is not None:
            elapsed = now - self._last_seen
            self._tokens = min(self.capacity, self._tokens + elapsed * self.refill_per_second)
        self._last_seen = now

    def allow(self, key, now, cost=1):
        self._refill(now)
        if self._tokens >= cost:
            self._tokens -= cost
            return True
        return False

    def remaining(self, key, now):
        self._refill(now)
        return math.floor(self._tokens)
