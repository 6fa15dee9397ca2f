-- expect: wrong_answer on last-second
-- mistake: between-timestamps
-- Ends the day at 23:59:59: timestamps have microseconds, so orders in the day's last second are lost.
SELECT status,
       count(*)   AS orders,
       sum(total) AS revenue
FROM orders
WHERE created_at BETWEEN '2026-03-14 00:00:00+00' AND '2026-03-14 23:59:59+00'
GROUP BY status
ORDER BY status;
