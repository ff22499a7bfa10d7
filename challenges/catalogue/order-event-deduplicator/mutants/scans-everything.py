class EventDeduplicator:
    # Right answers, but every call scans every remembered key: quadratic on a busy stream.

    def __init__(self, window_s):
        self.window_s = window_s
        self._watermark = None
        self._seen = {}

    def process(self, source, event_id, ts):
        key = (source, event_id)
        if self._watermark is not None and ts < self._watermark - self.window_s:
            return "late"
        if key in self._seen:
            outcome = "duplicate"
        else:
            self._seen[key] = ts
            outcome = "accept"
        if self._watermark is None or ts > self._watermark:
            self._watermark = ts
        cutoff = self._watermark - self.window_s
        self._seen = {k: seen_at for k, seen_at in self._seen.items() if seen_at >= cutoff}
        return outcome

    def tracked(self):
        return len(self._seen)
