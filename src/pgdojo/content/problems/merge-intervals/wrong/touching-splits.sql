-- expect: wrong_answer on touching
-- Strict "<": a window starting exactly when the previous block ends opens a new block.
WITH marked AS (
    SELECT w.*,
           CASE
               WHEN w.starts_at < max(w.ends_at) OVER (
                        PARTITION BY w.machine_id ORDER BY w.starts_at, w.window_id
                        ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
               THEN 0
               ELSE 1
           END AS opens_island
    FROM maintenance_windows AS w
), numbered AS (
    SELECT m.*,
           sum(m.opens_island) OVER (
               PARTITION BY m.machine_id ORDER BY m.starts_at, m.window_id
               ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS island
    FROM marked AS m
)
SELECT machine_id, min(starts_at) AS starts_at, max(ends_at) AS ends_at, count(*) AS window_count
FROM numbered
GROUP BY machine_id, island
ORDER BY machine_id, starts_at;
