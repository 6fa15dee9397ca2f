-- expect: error on sample
-- mistake: eq-null
-- Finds the current version with `valid_to = NULL`, which is never true: nothing is closed, and the new versions collide with the old current ones.
UPDATE dim_customer AS d
SET valid_to = r.run_date, is_current = false
FROM stg_customer AS s CROSS JOIN etl_run AS r
WHERE d.customer_id = s.customer_id
  AND d.valid_to = NULL
  AND (d.street, d.street2, d.city, d.postcode, d.country)
      IS DISTINCT FROM (s.street, s.street2, s.city, s.postcode, s.country);

INSERT INTO dim_customer
    (customer_id, street, street2, city, postcode, country, valid_from, valid_to, is_current)
SELECT s.customer_id, s.street, s.street2, s.city, s.postcode, s.country, r.run_date, NULL, true
FROM stg_customer AS s CROSS JOIN etl_run AS r
WHERE NOT EXISTS (SELECT 1 FROM dim_customer AS d WHERE d.customer_id = s.customer_id AND d.valid_to = NULL);
