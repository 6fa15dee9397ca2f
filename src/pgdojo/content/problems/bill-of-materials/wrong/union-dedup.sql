-- expect: wrong_answer on shared-component
-- mistake: recursive-union
-- UNION (not UNION ALL) merges identical (part, quantity) rows coming from different paths.
WITH RECURSIVE explode (part_id, qty) AS (
    SELECT b.component_id, b.quantity::bigint
    FROM bom AS b
    JOIN parts AS top ON top.id = b.assembly_id
    WHERE top.name = 'e-scooter'
  UNION
    SELECT b.component_id, e.qty * b.quantity
    FROM explode AS e
    JOIN bom AS b ON b.assembly_id = e.part_id
)
SELECT p.id AS part_id, p.name, SUM(e.qty) AS quantity
FROM explode AS e
JOIN parts AS p ON p.id = e.part_id
WHERE NOT EXISTS (SELECT 1 FROM bom AS sub WHERE sub.assembly_id = e.part_id)
GROUP BY p.id, p.name;
