-- Traps: currencies that cancel each other out, imbalances between -1 and 0 major units, three
-- decimals, credit-only and debit-only currencies, drafts, one account on both sides.

INSERT INTO currencies (code, exponent, minor_per_major) VALUES
  ('EUR', 2, 100), ('USD', 2, 100), ('JPY', 0, 1), ('BHD', 3, 1000), ('GBP', 2, 100);

INSERT INTO journal_transactions (txn_id, description, status, created_at) VALUES
  ('JT-0101', 'FX conversion, mixed up', 'posted', '2026-03-09T09:00:00Z'),
  ('JT-0102', 'Rounding difference on a split capture', 'posted', '2026-03-09T09:10:00Z'),
  ('JT-0103', 'Bahrain settlement', 'posted', '2026-03-09T09:20:00Z'),
  ('JT-0104', 'Chargeback, credit leg missing', 'posted', '2026-03-09T09:30:00Z'),
  ('JT-0105', 'Draft payout', 'draft', '2026-03-09T09:40:00Z'),
  ('JT-0106', 'Internal transfer', 'posted', '2026-03-09T09:50:00Z'),
  ('JT-0107', 'Yen refund', 'posted', '2026-03-09T10:00:00Z'),
  ('JT-0108', 'Large payout', 'posted', '2026-03-09T10:10:00Z'),
  ('JT-0109', 'Sterling fee, over-credited', 'posted', '2026-03-09T10:20:00Z');

INSERT INTO journal_lines (line_id, txn_id, account, currency, direction, amount_minor) VALUES
  (101, 'JT-0101', 'bank_eur', 'EUR', 'debit', 5000),
  (102, 'JT-0101', 'bank_usd', 'USD', 'credit', 5000),
  (103, 'JT-0102', 'customer_funds', 'EUR', 'debit', 3333),
  (104, 'JT-0102', 'merchant_payable', 'EUR', 'credit', 1667),
  (105, 'JT-0102', 'merchant_payable', 'EUR', 'credit', 1667),
  (106, 'JT-0103', 'customer_funds', 'BHD', 'debit', 12500),
  (107, 'JT-0103', 'merchant_payable', 'BHD', 'credit', 12495),
  (108, 'JT-0104', 'chargebacks', 'USD', 'credit', 2599),
  (109, 'JT-0105', 'merchant_payable', 'EUR', 'debit', 90000),
  (110, 'JT-0106', 'bank_eur', 'EUR', 'debit', 70000),
  (111, 'JT-0106', 'bank_eur', 'EUR', 'credit', 70000),
  (112, 'JT-0107', 'merchant_payable', 'JPY', 'debit', 3000),
  (113, 'JT-0107', 'customer_funds', 'JPY', 'credit', 2999),
  (114, 'JT-0107', 'fee_income', 'EUR', 'debit', 15),
  (115, 'JT-0107', 'fx_clearing_eur', 'EUR', 'credit', 15),
  (116, 'JT-0108', 'merchant_payable', 'EUR', 'debit', 987654321012),
  (117, 'JT-0108', 'bank_eur', 'EUR', 'credit', 987654321000),
  (118, 'JT-0109', 'customer_funds', 'GBP', 'debit', 10000),
  (119, 'JT-0109', 'merchant_payable', 'GBP', 'credit', 9800),
  (120, 'JT-0109', 'fee_income', 'GBP', 'credit', 250);
