SELECT status,
       count(*)   AS orders,
       sum(total) AS revenue
FROM orders
WHERE created_at::date = date '2026-03-14'
GROUP BY status
ORDER BY status;
