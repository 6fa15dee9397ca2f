-- expect: wrong_answer on future-only
-- mistake: count-star-outer-join
-- Right merge, but count(*) over the outer join: a user with no covered day keeps one NULL-extended row and reports one stretch.
WITH coverage AS (
    SELECT user_id,
           range_agg(daterange(starts_on, ends_on) * daterange(NULL, '2026-07-01')) AS covered
    FROM subscriptions
    GROUP BY user_id
)
SELECT c.user_id,
       coalesce(sum(upper(s.stretch) - lower(s.stretch)), 0) AS covered_days,
       count(*) AS stretches
FROM coverage AS c
LEFT JOIN LATERAL unnest(c.covered) AS s(stretch) ON true
GROUP BY c.user_id
ORDER BY c.user_id;
