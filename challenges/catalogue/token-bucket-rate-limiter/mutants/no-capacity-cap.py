import math


class TokenBucket:
    def __init__(self, capacity, refill_per_second):
        self.capacity = capacity
        self.refill_per_second = refill_per_second
        self._buckets = {}  # key -> [tokens, last_seen]

    def _refill(self, key, now):
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = self._buckets[key] = [float(self.capacity), now]
        tokens, last_seen = bucket
        bucket[0] = tokens + (now - last_seen) * self.refill_per_second
        bucket[1] = now
        return bucket

    def allow(self, key, now, cost=1):
        bucket = self._refill(key, now)
        if bucket[0] >= cost:
            bucket[0] -= cost
            return True
        return False

    def remaining(self, key, now):
        return math.floor(self._refill(key, now)[0])
