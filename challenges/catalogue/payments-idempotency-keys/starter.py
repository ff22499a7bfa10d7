class IdempotencyStore:
    """Remembers payment requests by (account, Idempotency-Key); `now` is passed in (seconds)."""

    def __init__(self, ttl_seconds):
        self.ttl_seconds = ttl_seconds
        self._responses = {}

    def begin(self, account_id, key, request, now):
        """Called before processing a request: "started", "in_progress", "replay" or "conflict"."""
        # Your code here.
        return {"status": "started"}

    def complete(self, account_id, key, response, now):
        """Called with the response of a request that began; True if it was recorded."""
        self._responses[(account_id, key)] = response
        return True
