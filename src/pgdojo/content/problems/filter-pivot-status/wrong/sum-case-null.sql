-- expect: wrong_answer on missing-status
-- SUM(CASE ... THEN 1 END) is NULL, not 0, for a status a region never had (and empty regions vanish).
SELECT region,
       count(*)                                         AS total,
       SUM(CASE WHEN status = 'pending' THEN 1 END)     AS pending,
       SUM(CASE WHEN status = 'shipped' THEN 1 END)     AS shipped,
       SUM(CASE WHEN status = 'cancelled' THEN 1 END)   AS cancelled,
       SUM(CASE WHEN status IS NULL THEN 1 END)         AS unknown
FROM orders
GROUP BY region;
