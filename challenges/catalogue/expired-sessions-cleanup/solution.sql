-- Rule 1: expired and not yet revoked sessions are revoked now, as "expired".
UPDATE sessions
SET revoked_at = '2026-03-01T00:00:00Z', revoke_reason = 'expired'
WHERE revoked_at IS NULL
  AND expires_at <= '2026-03-01T00:00:00Z';

-- Rule 2: sessions revoked more than 90 days ago are purged.
DELETE FROM sessions
WHERE revoked_at < '2025-12-01T00:00:00Z';
