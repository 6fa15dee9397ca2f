-- expect: wrong_answer on interpolation
-- percentile_cont interpolates between two neighbours: a latency that no request ever had.
SELECT endpoint,
       count(*) AS requests,
       percentile_cont(0.50) WITHIN GROUP (ORDER BY latency_ms) AS p50_ms,
       percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms) AS p95_ms
FROM requests
GROUP BY endpoint;
