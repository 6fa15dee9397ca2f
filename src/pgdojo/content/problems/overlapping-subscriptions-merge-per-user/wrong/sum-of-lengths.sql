-- expect: wrong_answer on overlapping
-- Adds up each subscription's clipped length: days covered by two overlapping subscriptions are counted twice.
SELECT user_id,
       sum(greatest(least(coalesce(ends_on, '2026-07-01'), '2026-07-01') - starts_on, 0)) AS covered_days,
       count(*) FILTER (WHERE starts_on < '2026-07-01') AS stretches
FROM subscriptions
GROUP BY user_id
ORDER BY user_id;
