CREATE TABLE coupons (code TEXT, percent INTEGER);
CREATE TABLE redemptions (id INTEGER, coupon_code TEXT, order_id INTEGER);
