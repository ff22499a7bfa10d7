INSERT INTO orders VALUES
    (10, 601, 10000, 4000, 'partially_refunded'),
    (11, 602, 5000, 2000, 'partially_refunded'),
    (12, 603, 7000, 0, 'paid');
INSERT INTO refund_requests VALUES
    (20, 10, 4000, 'applied'),
    (21, 10, 6000, 'approved'),
    (22, 11, 2000, 'applied'),
    (23, 11, 1000, 'approved'),
    (24, 12, 700, 'pending');
