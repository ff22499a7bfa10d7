UPDATE accounts
SET balance_cents = balance_cents - (
    SELECT SUM(amount_cents) FROM payouts p WHERE p.account_id = accounts.id AND p.state = 'pending'
)
WHERE id IN (SELECT account_id FROM payouts WHERE state = 'pending');
UPDATE payouts SET state = 'paid' WHERE state = 'pending';
