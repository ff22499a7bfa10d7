import heapq


class EventDeduplicator:
    """Drops redelivered order events; timestamps come from the events, never from a clock."""

    def __init__(self, window_s):
        self.window_s = window_s
        self._watermark = None  # the largest timestamp of any message that wasn't late
        self._seen = {}  # (source, event_id) -> timestamp of the accepted copy
        self._expiry = []  # min-heap of (timestamp, source, event_id), one per remembered key

    def process(self, source, event_id, ts):
        key = (source, event_id)
        if key in self._seen:
            outcome = "duplicate"
        else:
            self._seen[key] = ts
            heapq.heappush(self._expiry, (ts, source, event_id))
            outcome = "accept"
        if self._watermark is None or ts > self._watermark:
            self._watermark = ts
        self._forget_expired()
        return outcome

    def _forget_expired(self):
        cutoff = self._watermark - self.window_s
        while self._expiry and self._expiry[0][0] < cutoff:
            _, source, event_id = heapq.heappop(self._expiry)
            del self._seen[(source, event_id)]

    def tracked(self):
        return len(self._seen)
