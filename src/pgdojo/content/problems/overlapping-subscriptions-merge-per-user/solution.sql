WITH coverage AS (
    -- daterange(a, NULL) is unbounded above; * intersects it with the report's horizon, and
    -- range_agg merges overlapping and adjacent ([a,b) and [b,c)) ranges into one multirange.
    SELECT user_id,
           range_agg(daterange(starts_on, ends_on) * daterange(NULL, '2026-07-01')) AS covered
    FROM subscriptions
    GROUP BY user_id
)
SELECT c.user_id,
       coalesce(sum(upper(s.stretch) - lower(s.stretch)), 0) AS covered_days,
       count(s.stretch)                                    AS stretches
FROM coverage AS c
LEFT JOIN LATERAL unnest(c.covered) AS s(stretch) ON true
GROUP BY c.user_id
ORDER BY c.user_id;
