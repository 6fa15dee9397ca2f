-- expect: wrong_answer on numeric-strings
-- Treats only JSON numbers as quantities; a quantity sent as the string "3" falls back to 1.
SELECT li ->> 'sku' AS sku,
       SUM(CASE WHEN jsonb_typeof(li -> 'qty') = 'number' THEN (li ->> 'qty')::numeric ELSE 1 END) AS units,
       SUM(CASE WHEN jsonb_typeof(li -> 'qty') = 'number' THEN (li ->> 'qty')::numeric ELSE 1 END
           * (li ->> 'price')::numeric) AS revenue
FROM orders AS o
CROSS JOIN LATERAL jsonb_array_elements(o.items) AS li
GROUP BY li ->> 'sku';
