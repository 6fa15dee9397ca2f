-- expect: too_slow on sample
-- mistake: function-on-indexed-column
-- Keeps the cast and adds a composite index: the cast still hides created_at from every index, so the table is read in full.
CREATE INDEX ON orders (created_at, status);

SELECT status,
       count(*)   AS orders,
       sum(total) AS revenue
FROM orders
WHERE created_at::date = date '2026-03-14'
GROUP BY status
ORDER BY status;
