-- expect: error on sample
-- Indexes the cast instead: timestamptz -> date depends on the TimeZone setting, so it is not immutable and cannot be indexed.
CREATE INDEX ON orders ((created_at::date));

SELECT status,
       count(*)   AS orders,
       sum(total) AS revenue
FROM orders
WHERE created_at::date = date '2026-03-14'
GROUP BY status
ORDER BY status;
