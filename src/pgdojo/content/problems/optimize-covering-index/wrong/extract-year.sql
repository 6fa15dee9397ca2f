-- expect: too_slow on sample
-- mistake: function-on-indexed-column
-- The year written as extract(): only customer_id is left to bound the scan, so every order the customer ever placed is read and filtered.
CREATE INDEX ON orders (customer_id, created_at, order_id) INCLUDE (status, total);

SELECT order_id, created_at, status, total
FROM orders
WHERE customer_id = 1234
  AND extract(year FROM created_at) = 2025
ORDER BY created_at, order_id;
