INSERT INTO orders VALUES
    (30, 701, 3000, 0, 'cancelled'),
    (31, 702, 3000, 0, 'paid'),
    (32, 703, 9000, 0, 'cancelled');
INSERT INTO refund_requests VALUES
    (40, 30, 3000, 'approved'),
    (41, 31, 1000, 'approved'),
    (42, 32, 4500, 'pending'),
    (43, 32, 4500, 'approved'),
    (44, 31, 500, 'rejected');
