class TokenBucket:
    """One token bucket per API key; `now` is always passed in (seconds)."""

    def __init__(self, capacity, refill_per_second):
        self.capacity = capacity
        self.refill_per_second = refill_per_second

    def allow(self, key, now, cost=1):
        """Take `cost` tokens from `key`'s bucket if it has them; return whether it did."""
        # Your code here.
        return True

    def remaining(self, key, now):
        """Whole tokens left in `key`'s bucket at `now`, without consuming any."""
        return self.capacity
