-- expect: wrong_answer on range-boundaries
-- mistake: between-timestamps
-- Right index, but the range was "simplified" to BETWEEN, which includes the first instant of April.
CREATE INDEX ON orders (customer_id, created_at);

SELECT order_id, created_at, status, total
FROM orders
WHERE customer_id = 1234
  AND created_at BETWEEN '2026-01-01 00:00:00+00' AND '2026-04-01 00:00:00+00'
ORDER BY created_at DESC, order_id DESC;
