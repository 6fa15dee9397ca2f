SELECT u.path::text  AS unit,
       count(e.id)   AS headcount
FROM units AS u
LEFT JOIN employees AS e ON e.unit <@ u.path
GROUP BY u.path;
