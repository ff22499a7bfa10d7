import hashlib
import json


def fingerprint(request):
    """A digest of what makes two requests "the same": method, path and body, not headers."""
    canonical = json.dumps(
        [request["method"], request["path"], request["body"]],
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


class IdempotencyStore:
    def __init__(self, ttl_seconds):
        self.ttl_seconds = ttl_seconds
        # (account_id, key) -> {"fingerprint", "expires_at", "response" (None while running)}
        self._records = {}

    def _live(self, account_id, key, now):
        record = self._records.get((account_id, key))
        if record is not None and now >= record["expires_at"]:
            del self._records[(account_id, key)]
            record = None
        return record

    def begin(self, account_id, key, request, now):
        record = self._live(account_id, key, now)
        digest = fingerprint(request)
        if record is None:
            self._records[(account_id, key)] = {
                "fingerprint": digest,
                "expires_at": now + self.ttl_seconds,
                "response": None,
            }
            return {"status": "started"}
        if record["fingerprint"] != digest:
            return {"status": "conflict"}
        if record["response"] is None:
            return {"status": "in_progress"}
        return {"status": "replay", "response": record["response"]}

    def complete(self, account_id, key, response, now):
        record = self._live(account_id, key, now)
        if record is None or record["response"] is not None:
            return False
        if response["status"] >= 500:
            # Nothing reliable happened: free the key so the client's retry runs again.
            del self._records[(account_id, key)]
        else:
            record["response"] = response
        return True
