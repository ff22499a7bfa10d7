CREATE TABLE coupons (
    code TEXT PRIMARY KEY,
    percent INTEGER NOT NULL CHECK (percent BETWEEN 1 AND 100)
);
CREATE TABLE redemptions (
    id INTEGER PRIMARY KEY,
    coupon_code TEXT NOT NULL REFERENCES coupons (code),
    order_id INTEGER NOT NULL
);
CREATE INDEX redemptions_coupon ON redemptions (coupon_code);
