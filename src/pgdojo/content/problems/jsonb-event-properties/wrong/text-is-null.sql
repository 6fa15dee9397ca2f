-- expect: wrong_answer on unknown-discount
-- Tests the discount with ->> ... IS NULL, which is true for a missing key and for JSON null alike: lines without a promotion are counted as unpriced and dropped from the revenue.
SELECT li ->> 'sku' AS sku,
       sum((li ->> 'qty')::integer) AS units,
       sum((li ->> 'qty')::numeric * (li ->> 'price')::numeric - (li ->> 'discount')::numeric)
           FILTER (WHERE li ->> 'discount' IS NOT NULL) AS net_revenue,
       count(*) FILTER (WHERE li ->> 'discount' IS NULL) AS unpriced_lines
FROM events AS e
CROSS JOIN LATERAL jsonb_array_elements(
    CASE WHEN jsonb_typeof(e.payload #> '{cart,items}') = 'array'
         THEN e.payload #> '{cart,items}' ELSE '[]'::jsonb END) AS li
WHERE e.event_type = 'checkout_completed'
GROUP BY li ->> 'sku';
