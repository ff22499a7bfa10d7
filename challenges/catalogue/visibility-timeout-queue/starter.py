class WorkQueue:
    """A work queue with visibility timeouts and a dead-letter queue (see the statement)."""

    def __init__(self, visibility_timeout, max_receives):
        self.visibility_timeout = visibility_timeout
        self.max_receives = max_receives

    def send(self, body, now):
        return "m1"

    def receive(self, now):
        return None

    def delete(self, receipt, now):
        return False

    def extend(self, receipt, seconds, now):
        return False

    def stats(self, now):
        return {"visible": 0, "in_flight": 0, "dead": 0}

    def dead_letters(self, now):
        return []
