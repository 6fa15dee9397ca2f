SELECT li ->> 'sku'                                                        AS sku,
       SUM(COALESCE((li ->> 'qty')::numeric, 1))                           AS units,
       SUM(COALESCE((li ->> 'qty')::numeric, 1) * (li ->> 'price')::numeric) AS revenue
FROM orders AS o
CROSS JOIN LATERAL jsonb_array_elements(o.items) AS li
GROUP BY li ->> 'sku';
