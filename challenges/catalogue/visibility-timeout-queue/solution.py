class WorkQueue:
    """A work queue with visibility timeouts and a dead-letter queue (see the statement)."""

    def __init__(self, visibility_timeout, max_receives):
        self.visibility_timeout = visibility_timeout
        self.max_receives = max_receives
        self._next = 1
        # id -> {"n": sequence number, "body", "count", "receipt", "lease_end" (None if visible)}
        self._messages = {}
        self._dead = []

    def _settle(self, now):
        ended = [
            (m["lease_end"], m["n"], mid)
            for mid, m in self._messages.items()
            if m["lease_end"] is not None and now >= m["lease_end"]
        ]
        for _, _, mid in sorted(ended):
            message = self._messages[mid]
            message["lease_end"] = None
            message["receipt"] = None
            if message["count"] >= self.max_receives:
                del self._messages[mid]
                self._dead.append(mid)

    def _leased(self, receipt, now):
        self._settle(now)
        if not isinstance(receipt, str):
            return None
        mid = receipt.split("#", 1)[0]
        message = self._messages.get(mid)
        # After settling, a message still under a lease holds exactly one valid receipt.
        if message is None or message["receipt"] != receipt:
            return None
        return message

    def send(self, body, now):
        self._settle(now)
        n = self._next
        self._next += 1
        mid = f"m{n}"
        self._messages[mid] = {"n": n, "body": body, "count": 0, "receipt": None, "lease_end": None}
        return mid

    def receive(self, now):
        self._settle(now)
        visible = [(m["n"], mid) for mid, m in self._messages.items() if m["lease_end"] is None]
        if not visible:
            return None
        _, mid = min(visible)
        message = self._messages[mid]
        message["count"] += 1
        message["receipt"] = f"{mid}#{message['count']}"
        message["lease_end"] = now + self.visibility_timeout
        return {"id": mid, "body": message["body"], "receipt": message["receipt"]}

    def delete(self, receipt, now):
        message = self._leased(receipt, now)
        if message is None:
            return False
        del self._messages[receipt.split("#", 1)[0]]
        return True

    def extend(self, receipt, seconds, now):
        message = self._leased(receipt, now)
        if message is None:
            return False
        message["lease_end"] = now + seconds
        return True

    def stats(self, now):
        self._settle(now)
        in_flight = sum(1 for m in self._messages.values() if m["lease_end"] is not None)
        return {
            "visible": len(self._messages) - in_flight,
            "in_flight": in_flight,
            "dead": len(self._dead),
        }

    def dead_letters(self, now):
        self._settle(now)
        return list(self._dead)
