-- expect: wrong_answer on nested-quantities
-- Adds up the quantities on the leaf edges only, ignoring how many of each sub-assembly are used.
WITH RECURSIVE explode (part_id, qty) AS (
    SELECT b.component_id, b.quantity::bigint
    FROM bom AS b
    JOIN parts AS top ON top.id = b.assembly_id
    WHERE top.name = 'e-scooter'
  UNION ALL
    SELECT b.component_id, b.quantity::bigint
    FROM explode AS e
    JOIN bom AS b ON b.assembly_id = e.part_id
)
SELECT p.id AS part_id, p.name, SUM(e.qty) AS quantity
FROM explode AS e
JOIN parts AS p ON p.id = e.part_id
WHERE NOT EXISTS (SELECT 1 FROM bom AS sub WHERE sub.assembly_id = e.part_id)
GROUP BY p.id, p.name;
