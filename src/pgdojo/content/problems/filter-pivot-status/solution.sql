SELECT r.code                                                 AS region,
       count(o.id)                                            AS total,
       count(o.id) FILTER (WHERE o.status = 'pending')        AS pending,
       count(o.id) FILTER (WHERE o.status = 'shipped')        AS shipped,
       count(o.id) FILTER (WHERE o.status = 'cancelled')      AS cancelled,
       count(o.id) FILTER (WHERE o.status IS NULL)            AS unknown
FROM regions AS r
LEFT JOIN orders AS o ON o.region = r.code
GROUP BY r.code;
