-- expect: error on no-item-array
-- Feeds payload -> 'cart' -> 'items' straight to jsonb_array_elements: a missing key yields no rows, but JSON null is a scalar and the function raises an error.
SELECT li ->> 'sku' AS sku,
       sum((li ->> 'qty')::integer) AS units,
       sum((li ->> 'qty')::numeric * (li ->> 'price')::numeric
           - coalesce((li ->> 'discount')::numeric, 0))
           FILTER (WHERE jsonb_typeof(li -> 'discount') IS DISTINCT FROM 'null') AS net_revenue,
       count(*) FILTER (WHERE jsonb_typeof(li -> 'discount') = 'null') AS unpriced_lines
FROM events AS e
CROSS JOIN LATERAL jsonb_array_elements(e.payload -> 'cart' -> 'items') AS li
WHERE e.event_type = 'checkout_completed'
GROUP BY li ->> 'sku';
