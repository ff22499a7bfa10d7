class EventDeduplicator:
    # Wrong: a duplicate "refreshes" the remembered timestamp, so a key that keeps being
    # redelivered is remembered for longer than its window.

    def __init__(self, window_s):
        self.window_s = window_s
        self._watermark = None
        self._seen = {}

    def process(self, source, event_id, ts):
        key = (source, event_id)
        if self._watermark is not None and ts < self._watermark - self.window_s:
            return "late"
        outcome = "duplicate" if key in self._seen else "accept"
        self._seen[key] = max(ts, self._seen.get(key, ts))
        if self._watermark is None or ts > self._watermark:
            self._watermark = ts
        cutoff = self._watermark - self.window_s
        for old in [k for k, seen_at in self._seen.items() if seen_at < cutoff]:
            del self._seen[old]
        return outcome

    def tracked(self):
        return len(self._seen)
