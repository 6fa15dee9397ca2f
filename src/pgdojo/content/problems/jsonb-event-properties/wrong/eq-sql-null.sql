-- expect: wrong_answer on unknown-discount
-- mistake: eq-null
-- Looks for JSON null with = NULL, which is never true: unknown discounts are priced as 0 and no line is ever counted as unpriced.
SELECT li ->> 'sku' AS sku,
       sum((li ->> 'qty')::integer) AS units,
       sum((li ->> 'qty')::numeric * (li ->> 'price')::numeric
           - coalesce((li ->> 'discount')::numeric, 0)) AS net_revenue,
       count(*) FILTER (WHERE li -> 'discount' = NULL) AS unpriced_lines
FROM events AS e
CROSS JOIN LATERAL jsonb_array_elements(
    CASE WHEN jsonb_typeof(e.payload #> '{cart,items}') = 'array'
         THEN e.payload #> '{cart,items}' ELSE '[]'::jsonb END) AS li
WHERE e.event_type = 'checkout_completed'
GROUP BY li ->> 'sku';
