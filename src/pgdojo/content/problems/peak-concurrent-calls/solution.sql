WITH events AS (
    SELECT queue, started_at AS at, 1 AS delta FROM calls
  UNION ALL
    SELECT queue, ended_at, -1 FROM calls WHERE ended_at IS NOT NULL
),
levels AS (
    -- one row per (queue, instant): the net change there, then the level after it
    SELECT queue, at,
           sum(sum(delta)) OVER (PARTITION BY queue ORDER BY at
                                ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS level
    FROM events
    GROUP BY queue, at
)
SELECT DISTINCT ON (queue) queue, level AS peak, at AS peak_at
FROM levels
ORDER BY queue, level DESC, at;
