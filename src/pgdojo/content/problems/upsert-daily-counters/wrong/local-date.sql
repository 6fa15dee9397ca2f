-- expect: wrong_answer on midnight-utc
-- Groups by the visitor's local date, which is not the UTC day around midnight UTC.
INSERT INTO page_views_daily AS d (page_id, day, views)
SELECT page_id, local_date, count(*)
FROM raw_hits
GROUP BY page_id, local_date
ON CONFLICT (page_id, day) DO UPDATE
    SET views = d.views + excluded.views;
