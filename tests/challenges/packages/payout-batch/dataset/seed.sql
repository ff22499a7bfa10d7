INSERT INTO accounts VALUES (1, 1000), (2, 500), (3, 50);
INSERT INTO payouts VALUES (1, 1, 300, 'pending'), (2, 1, 200, 'pending'), (3, 2, 500, 'paid');
