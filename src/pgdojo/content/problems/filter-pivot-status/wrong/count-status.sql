-- expect: wrong_answer on sample
-- mistake: count-nullable-column
-- count(o.status) counts orders that have a status: orders without one vanish from the total and "unknown" is always 0.
SELECT r.code                                                AS region,
       count(o.status)                                       AS total,
       count(o.status) FILTER (WHERE o.status = 'pending')   AS pending,
       count(o.status) FILTER (WHERE o.status = 'shipped')   AS shipped,
       count(o.status) FILTER (WHERE o.status = 'cancelled') AS cancelled,
       count(o.status) FILTER (WHERE o.status IS NULL)       AS unknown
FROM regions AS r
LEFT JOIN orders AS o ON o.region = r.code
GROUP BY r.code;
