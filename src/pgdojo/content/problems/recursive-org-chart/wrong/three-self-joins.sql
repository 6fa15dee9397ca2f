-- expect: wrong_answer on deep-chain
-- A fixed number of self-joins only ever reaches three levels, however deep the tree is.
SELECT e1.id, e1.name, e1.manager_id, 1 AS level
FROM employees AS e1
WHERE e1.manager_id IS NULL
UNION ALL
SELECT e2.id, e2.name, e2.manager_id, 2
FROM employees AS e2
JOIN employees AS e1 ON e2.manager_id = e1.id
WHERE e1.manager_id IS NULL
UNION ALL
SELECT e3.id, e3.name, e3.manager_id, 3
FROM employees AS e3
JOIN employees AS e2 ON e3.manager_id = e2.id
JOIN employees AS e1 ON e2.manager_id = e1.id
WHERE e1.manager_id IS NULL;
