INSERT INTO orders VALUES
    (50, 801, 10000, 0, 'paid'),
    (51, 802, 4000, 1000, 'partially_refunded'),
    (52, 803, 1500, 0, 'paid');
INSERT INTO refund_requests VALUES
    (60, 50, 2500, 'approved'),
    (61, 50, 2500, 'approved'),
    (62, 50, 5000, 'approved'),
    (63, 51, 1000, 'applied'),
    (64, 51, 1000, 'approved'),
    (65, 51, 1000, 'approved'),
    (66, 52, 1500, 'pending');
