INSERT INTO accounts VALUES (7, 900), (8, 100);
INSERT INTO payouts VALUES (10, 7, 100, 'paid'), (11, 7, 250, 'pending'), (12, 8, 100, 'pending');
