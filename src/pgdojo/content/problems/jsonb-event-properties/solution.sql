SELECT li ->> 'sku'                                      AS sku,
       sum((li ->> 'qty')::integer)                      AS units,
       -- A missing "discount" is no promotion (0); JSON null is unknown, so the line is left out.
       sum((li ->> 'qty')::numeric * (li ->> 'price')::numeric
           - coalesce((li ->> 'discount')::numeric, 0))
           FILTER (WHERE jsonb_typeof(li -> 'discount') IS DISTINCT FROM 'null') AS net_revenue,
       count(*) FILTER (WHERE jsonb_typeof(li -> 'discount') = 'null')          AS unpriced_lines
FROM events AS e
CROSS JOIN LATERAL jsonb_array_elements(
    -- jsonb_array_elements raises an error on JSON null or any non-array; feed it [] instead.
    CASE WHEN jsonb_typeof(e.payload #> '{cart,items}') = 'array'
         THEN e.payload #> '{cart,items}'
         ELSE '[]'::jsonb
    END
) AS li
WHERE e.event_type = 'checkout_completed'
GROUP BY li ->> 'sku';
