-- expect: wrong_answer on null-amounts
-- Hand-rolled median: count(*) includes unpriced orders (and NULLs sort last), so the middle is off.
WITH ranked AS (
    SELECT region, amount,
           row_number() OVER (PARTITION BY region ORDER BY amount) AS rn,
           count(*)     OVER (PARTITION BY region)                 AS n
    FROM orders
)
SELECT region, round(avg(amount), 2) AS median_amount
FROM ranked
WHERE rn IN ((n + 1) / 2, (n + 2) / 2)
GROUP BY region;
