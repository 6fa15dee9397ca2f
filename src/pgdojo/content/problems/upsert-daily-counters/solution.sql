INSERT INTO page_views_daily AS d (page_id, day, views)
SELECT page_id,
       (hit_at AT TIME ZONE 'UTC')::date AS day,
       count(*)
FROM raw_hits
GROUP BY page_id, (hit_at AT TIME ZONE 'UTC')::date
ON CONFLICT (page_id, day) DO UPDATE
    SET views = d.views + excluded.views;
