-- expect: too_slow on sample
-- mistake: function-on-indexed-column
-- date_trunc is another function around the indexed column: same rows, same sequential scan.
SELECT status,
       count(*)   AS orders,
       sum(total) AS revenue
FROM orders
WHERE date_trunc('day', created_at) = timestamptz '2026-03-14 00:00:00+00'
GROUP BY status
ORDER BY status;
