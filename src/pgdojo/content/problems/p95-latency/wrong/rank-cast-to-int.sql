-- expect: wrong_answer on fractional-rank
-- Nearest rank by hand, but ::int rounds to nearest instead of rounding up (ceil).
WITH ranked AS (
    SELECT endpoint, latency_ms,
           row_number() OVER (PARTITION BY endpoint ORDER BY latency_ms) AS rn,
           count(*)     OVER (PARTITION BY endpoint)                     AS n
    FROM requests
)
SELECT endpoint,
       max(n) AS requests,
       max(latency_ms) FILTER (WHERE rn = (0.50 * n)::int) AS p50_ms,
       max(latency_ms) FILTER (WHERE rn = (0.95 * n)::int) AS p95_ms
FROM ranked
GROUP BY endpoint;
