-- expect: wrong_answer on back-to-back-calls
-- Processes events one by one with starts before ends at the same instant: back-to-back calls look simultaneous.
WITH events AS (
    SELECT queue, started_at AS at, 1 AS delta FROM calls
  UNION ALL
    SELECT queue, ended_at, -1 FROM calls WHERE ended_at IS NOT NULL
),
levels AS (
    SELECT queue, at,
           sum(delta) OVER (PARTITION BY queue ORDER BY at, delta DESC
                            ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS level
    FROM events
)
SELECT DISTINCT ON (queue) queue, level AS peak, at AS peak_at
FROM levels
ORDER BY queue, level DESC, at;
