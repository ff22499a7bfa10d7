INSERT INTO orders VALUES
    (1, 501, 4999, 0, 'paid'),
    (2, 502, 12000, 0, 'paid'),
    (3, 503, 8000, 3000, 'partially_refunded'),
    (4, 504, 2500, 0, 'cancelled'),
    (5, 505, 6400, 0, 'paid');
INSERT INTO refund_requests VALUES
    (1, 1, 4999, 'approved'),
    (2, 2, 2000, 'approved'),
    (3, 2, 1500, 'approved'),
    (4, 3, 1000, 'pending'),
    (5, 4, 2500, 'approved'),
    (6, 5, 6400, 'rejected'),
    (7, 3, 3000, 'applied');
