INSERT INTO orders (id, total)
SELECT n, n * 50.00 FROM generate_series(0, 10) AS n;
INSERT INTO orders (id, total) VALUES (100, 49.99), (101, 50.01), (102, 449.99);
