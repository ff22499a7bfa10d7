class CircuitBreaker:
    """Guards calls to a flaky payment provider; every method takes the current time `now`."""

    def __init__(self, failure_threshold, cooldown_s):
        self.failure_threshold = failure_threshold
        self.cooldown_s = cooldown_s

    def state(self, now):
        """ "closed", "open" or "half_open" at time `now`."""
        return "closed"

    def allow_request(self, now):
        """May we call the provider at `now`? (Half-open: one trial request at a time.)"""
        # Your code here.
        return True

    def record_success(self, now):
        """The provider answered a call successfully."""

    def record_failure(self, now):
        """A call to the provider failed (timeout, 5xx, connection reset)."""
