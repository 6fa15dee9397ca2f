-- expect: wrong_answer on region-without-orders
-- mistake: count-star-outer-join
-- count(*) counts the NULL-extended row of an outer join: an empty region gets total 1 and unknown 1.
SELECT r.code                                        AS region,
       count(*)                                      AS total,
       count(*) FILTER (WHERE o.status = 'pending')  AS pending,
       count(*) FILTER (WHERE o.status = 'shipped')  AS shipped,
       count(*) FILTER (WHERE o.status = 'cancelled') AS cancelled,
       count(*) FILTER (WHERE o.status IS NULL)      AS unknown
FROM regions AS r
LEFT JOIN orders AS o ON o.region = r.code
GROUP BY r.code;
