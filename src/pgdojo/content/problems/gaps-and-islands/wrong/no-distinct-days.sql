-- expect: wrong_answer on duplicate-days
-- Numbers events, not days: a second event on the same day shifts the offset and splits the run.
SELECT min(date) AS start_date, max(date) AS end_date, count(*) AS length
FROM (
    SELECT date, date - (row_number() OVER (ORDER BY date))::integer AS island
    FROM events
) AS grouped
GROUP BY island
ORDER BY start_date;
