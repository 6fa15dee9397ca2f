-- expect: wrong_answer on existing-counters
-- DO UPDATE SET views = excluded.views replaces the stored count instead of adding to it.
INSERT INTO page_views_daily AS d (page_id, day, views)
SELECT page_id, (hit_at AT TIME ZONE 'UTC')::date, count(*)
FROM raw_hits
GROUP BY 1, 2
ON CONFLICT (page_id, day) DO UPDATE
    SET views = excluded.views;
