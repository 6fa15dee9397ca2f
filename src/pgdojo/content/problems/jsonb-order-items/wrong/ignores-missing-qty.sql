-- expect: wrong_answer on missing-qty
-- A missing or null "qty" becomes SQL NULL, and NULL * price drops the line from both sums.
SELECT li ->> 'sku'                                            AS sku,
       SUM((li ->> 'qty')::numeric)                            AS units,
       SUM((li ->> 'qty')::numeric * (li ->> 'price')::numeric) AS revenue
FROM orders AS o
CROSS JOIN LATERAL jsonb_array_elements(o.items) AS li
GROUP BY li ->> 'sku';
