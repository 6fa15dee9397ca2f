-- expect: too_slow on sample
-- Covers the columns but keys the index on customer_id alone, with created_at only INCLUDEd: an included column cannot bound the scan, so every order the customer ever placed is read (here from the heap; after a vacuum from the index, plus a sort).
CREATE INDEX ON orders (customer_id) INCLUDE (created_at, order_id, status, total);

SELECT order_id, created_at, status, total
FROM orders
WHERE customer_id = 1234
  AND created_at >= '2025-01-01 00:00:00+00'
  AND created_at <  '2026-01-01 00:00:00+00'
ORDER BY created_at, order_id;
