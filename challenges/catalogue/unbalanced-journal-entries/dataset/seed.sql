-- Visible sample data: 7 transactions from one settlement day.

INSERT INTO currencies (code, exponent, minor_per_major) VALUES
  ('EUR', 2, 100), ('USD', 2, 100), ('JPY', 0, 1), ('BHD', 3, 1000);

INSERT INTO journal_transactions (txn_id, description, status, created_at) VALUES
  ('JT-0001', 'Card capture, order 88121', 'posted', '2026-03-02T09:00:00Z'),
  ('JT-0002', 'Card capture with fee, order 88122', 'posted', '2026-03-02T09:05:00Z'),
  ('JT-0003', 'Merchant payout', 'posted', '2026-03-02T10:00:00Z'),
  ('JT-0004', 'FX conversion EUR to USD', 'posted', '2026-03-02T11:00:00Z'),
  ('JT-0005', 'Refund, order 88040', 'posted', '2026-03-02T12:00:00Z'),
  ('JT-0006', 'Month-end accrual', 'draft', '2026-03-02T13:00:00Z'),
  ('JT-0007', 'Card capture, JPY order 1193', 'posted', '2026-03-02T14:00:00Z');

INSERT INTO journal_lines (line_id, txn_id, account, currency, direction, amount_minor) VALUES
  (1, 'JT-0001', 'customer_funds', 'EUR', 'debit', 4999),
  (2, 'JT-0001', 'merchant_payable', 'EUR', 'credit', 4999),
  (3, 'JT-0002', 'customer_funds', 'EUR', 'debit', 10000),
  (4, 'JT-0002', 'merchant_payable', 'EUR', 'credit', 9710),
  (5, 'JT-0002', 'fee_income', 'EUR', 'credit', 280),
  (6, 'JT-0003', 'merchant_payable', 'EUR', 'debit', 250000),
  (7, 'JT-0003', 'bank_eur', 'EUR', 'credit', 250000),
  (8, 'JT-0004', 'bank_eur', 'EUR', 'debit', 100000),
  (9, 'JT-0004', 'fx_clearing_eur', 'EUR', 'credit', 100000),
  (10, 'JT-0004', 'fx_clearing_usd', 'USD', 'debit', 108420),
  (11, 'JT-0004', 'bank_usd', 'USD', 'credit', 108400),
  (12, 'JT-0005', 'merchant_payable', 'EUR', 'debit', 1999),
  (13, 'JT-0006', 'accrued_costs', 'EUR', 'debit', 75000),
  (14, 'JT-0007', 'customer_funds', 'JPY', 'debit', 12800),
  (15, 'JT-0007', 'merchant_payable', 'JPY', 'credit', 12000),
  (16, 'JT-0007', 'fee_income', 'JPY', 'credit', 500);
