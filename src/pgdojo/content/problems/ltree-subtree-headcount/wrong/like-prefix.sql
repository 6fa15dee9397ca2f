-- expect: wrong_answer on prefix-siblings
-- A string prefix test: 'corp.data%' also matches 'corp.database' and 'corp.dataops'.
SELECT u.path::text AS unit,
       count(e.id)  AS headcount
FROM units AS u
LEFT JOIN employees AS e ON e.unit::text LIKE u.path::text || '%'
GROUP BY u.path;
