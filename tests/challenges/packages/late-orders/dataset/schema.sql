CREATE TABLE orders (id INTEGER PRIMARY KEY, placed_on TEXT NOT NULL, shipped_on TEXT);
