-- expect: wrong_answer on peak-reached-twice
-- Right levels, but the tie-break on the instant is reversed: the last time the peak was reached.
WITH events AS (
    SELECT queue, started_at AS at, 1 AS delta FROM calls
  UNION ALL
    SELECT queue, ended_at, -1 FROM calls WHERE ended_at IS NOT NULL
),
levels AS (
    SELECT queue, at, sum(sum(delta)) OVER (PARTITION BY queue ORDER BY at
                                ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS level
    FROM events
    GROUP BY queue, at
)
SELECT DISTINCT ON (queue) queue, level AS peak, at AS peak_at
FROM levels
ORDER BY queue, level DESC, at DESC;
