-- Write your UPDATE and DELETE statements here, separated by ";".
UPDATE sessions SET revoke_reason = revoke_reason WHERE 0;
