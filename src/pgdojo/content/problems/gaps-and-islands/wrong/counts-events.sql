-- expect: wrong_answer on duplicate-days
-- DENSE_RANK groups the days correctly, but count(*) then counts events, not days.
SELECT min(date) AS start_date, max(date) AS end_date, count(*) AS length
FROM (
    SELECT date, date - (dense_rank() OVER (ORDER BY date))::integer AS island
    FROM events
) AS grouped
GROUP BY island
ORDER BY start_date;
