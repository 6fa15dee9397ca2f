WITH days AS (
    SELECT DISTINCT date
    FROM events
),
grouped AS (
    SELECT date,
           date - (row_number() OVER (ORDER BY date))::integer AS island
    FROM days
)
SELECT min(date)  AS start_date,
       max(date)  AS end_date,
       count(*)   AS length
FROM grouped
GROUP BY island
ORDER BY start_date;
