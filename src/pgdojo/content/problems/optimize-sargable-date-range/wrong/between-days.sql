-- expect: wrong_answer on next-midnight
-- mistake: between-timestamps
-- BETWEEN includes its upper bound: orders placed at exactly midnight of the next day are counted on both days.
SELECT status,
       count(*)   AS orders,
       sum(total) AS revenue
FROM orders
WHERE created_at BETWEEN '2026-03-14 00:00:00+00' AND '2026-03-15 00:00:00+00'
GROUP BY status
ORDER BY status;
