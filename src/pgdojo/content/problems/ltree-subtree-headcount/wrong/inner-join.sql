-- expect: wrong_answer on empty-units
-- An inner join keeps only units with at least one employee in their subtree.
SELECT u.path::text AS unit,
       count(*)     AS headcount
FROM units AS u
JOIN employees AS e ON e.unit <@ u.path
GROUP BY u.path;
