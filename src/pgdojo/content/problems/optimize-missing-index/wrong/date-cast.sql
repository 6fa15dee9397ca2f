-- expect: too_slow on sample
-- mistake: function-on-indexed-column
-- Right index, but created_at::date in the WHERE: the index cannot bound the range, so every order of the customer is fetched and filtered.
CREATE INDEX ON orders (customer_id, created_at);

SELECT order_id, created_at, status, total
FROM orders
WHERE customer_id = 1234
  AND created_at::date >= '2026-01-01'
  AND created_at::date <  '2026-04-01'
ORDER BY created_at DESC, order_id DESC;
