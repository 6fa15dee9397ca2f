SELECT endpoint,
       count(*)                                                  AS requests,
       percentile_disc(0.50) WITHIN GROUP (ORDER BY latency_ms) AS p50_ms,
       percentile_disc(0.95) WITHIN GROUP (ORDER BY latency_ms) AS p95_ms
FROM requests
GROUP BY endpoint;
