from collections import OrderedDict


class _Bucket:
    """All entries used exactly `freq` times, least recently used first; linked in freq order."""

    __slots__ = ("freq", "keys", "prev", "next")

    def __init__(self, freq):
        self.freq = freq
        self.keys = OrderedDict()
        self.prev = None
        self.next = None


class EdgeCache:
    """An LFU cache bounded in bytes: O(1) get, put and eviction (frequency buckets in a list)."""

    def __init__(self, capacity_bytes):
        self.capacity = capacity_bytes
        self.entries = {}  # key -> [value, size, bucket]
        self.bytes = 0
        self.hits = 0
        self.misses = 0
        # Sentinel head: head.next is the bucket of the lowest frequency.
        self.head = _Bucket(0)

    def _insert_after(self, bucket, freq):
        new = _Bucket(freq)
        new.prev, new.next = bucket, bucket.next
        if bucket.next is not None:
            bucket.next.prev = new
        bucket.next = new
        return new

    def _unlink_if_empty(self, bucket):
        if bucket.keys or bucket is self.head:
            return
        bucket.prev.next = bucket.next
        if bucket.next is not None:
            bucket.next.prev = bucket.prev

    def _touch(self, key):
        entry = self.entries[key]
        bucket = entry[2]
        target = bucket.next
        if target is None or target.freq != bucket.freq + 1:
            target = self._insert_after(bucket, bucket.freq + 1)
        del bucket.keys[key]
        target.keys[key] = None
        entry[2] = target
        self._unlink_if_empty(bucket)

    def _remove(self, key):
        value, size, bucket = self.entries.pop(key)
        del bucket.keys[key]
        self.bytes -= size
        self._unlink_if_empty(bucket)

    def _evict_until(self, needed, keep=None):
        evicted = []
        while self.bytes + needed > self.capacity:
            bucket = self.head.next
            victim = next(iter(bucket.keys))
            if victim == keep:
                # Only reachable if keep is the sole least-used entry of its bucket: skip to the next.
                candidates = iter(bucket.keys)
                next(candidates)
                victim = next(candidates, None)
                if victim is None:
                    victim = next(iter(bucket.next.keys))
            self._remove(victim)
            evicted.append(victim)
        return evicted

    def get(self, key):
        if key not in self.entries:
            self.misses += 1
            return None
        self.hits += 1
        self._touch(key)
        return self.entries[key][0]

    def put(self, key, value, size):
        if size > self.capacity:
            if key in self.entries:
                self._remove(key)
            return []
        if key in self.entries:
            entry = self.entries[key]
            self.bytes += size - entry[1]
            entry[0], entry[1] = value, size
            self._touch(key)
            return self._evict_until(0, keep=key)
        evicted = self._evict_until(size)
        first = self.head.next
        if first is None or first.freq != 1:
            first = self._insert_after(self.head, 1)
        first.keys[key] = None
        self.entries[key] = [value, size, first]
        self.bytes += size
        return evicted

    def stats(self):
        return {
            "entries": len(self.entries),
            "bytes": self.bytes,
            "hits": self.hits,
            "misses": self.misses,
        }
