-- expect: wrong_answer on nullable-attributes
-- Detects changes with <>, which is NULL (not true) when one side is NULL: gaining a flat number goes unnoticed.
UPDATE dim_customer AS d
SET valid_to = r.run_date, is_current = false
FROM stg_customer AS s CROSS JOIN etl_run AS r
WHERE d.customer_id = s.customer_id
  AND d.is_current
  AND (d.street <> s.street OR d.street2 <> s.street2 OR d.city <> s.city
       OR d.postcode <> s.postcode OR d.country <> s.country);

INSERT INTO dim_customer
    (customer_id, street, street2, city, postcode, country, valid_from, valid_to, is_current)
SELECT s.customer_id, s.street, s.street2, s.city, s.postcode, s.country, r.run_date, NULL, true
FROM stg_customer AS s CROSS JOIN etl_run AS r
WHERE NOT EXISTS (SELECT 1 FROM dim_customer AS d WHERE d.customer_id = s.customer_id AND d.is_current);
