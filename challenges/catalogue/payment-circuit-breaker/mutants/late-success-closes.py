CLOSED, OPEN, HALF_OPEN = "closed", "open", "half_open"


class CircuitBreaker:
    """Guards calls to a flaky payment provider; every method takes the current time `now`."""

    def __init__(self, failure_threshold, cooldown_s):
        self.failure_threshold = failure_threshold
        self.cooldown_s = cooldown_s
        self._state = CLOSED
        self._failures = 0  # consecutive failures while closed
        self._opened_at = 0
        self._probe_in_flight = False

    def _refresh(self, now):
        """Apply the only time-driven transition: open -> half_open once the cool-down is over."""
        if self._state == OPEN and now >= self._opened_at + self.cooldown_s:
            self._state = HALF_OPEN
            self._probe_in_flight = False

    def _open(self, now):
        self._state = OPEN
        self._opened_at = now
        self._failures = 0
        self._probe_in_flight = False

    def _close(self):
        self._state = CLOSED
        self._failures = 0
        self._probe_in_flight = False

    def state(self, now):
        self._refresh(now)
        return self._state

    def allow_request(self, now):
        self._refresh(now)
        if self._state == CLOSED:
            return True
        if self._state == HALF_OPEN and not self._probe_in_flight:
            self._probe_in_flight = True
            return True
        return False

    def record_success(self, now):
        self._refresh(now)
        if self._state == CLOSED:
            self._failures = 0
        else:
            self._close()

    def record_failure(self, now):
        self._refresh(now)
        if self._state == CLOSED:
            self._failures += 1
            if self._failures >= self.failure_threshold:
                self._open(now)
        elif self._state == HALF_OPEN:
            self._open(now)
