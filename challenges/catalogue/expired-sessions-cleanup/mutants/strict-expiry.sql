UPDATE sessions
SET revoked_at = '2026-03-01T00:00:00Z', revoke_reason = 'expired'
WHERE revoked_at IS NULL
  AND expires_at < '2026-03-01T00:00:00Z';
DELETE FROM sessions WHERE revoked_at < '2025-12-01T00:00:00Z';
