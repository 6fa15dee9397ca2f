-- 1. Close the current version of every customer whose address really changed.
UPDATE dim_customer AS d
SET valid_to   = r.run_date,
    is_current = false
FROM stg_customer AS s
CROSS JOIN etl_run AS r
WHERE d.customer_id = s.customer_id
  AND d.is_current
  AND (d.street, d.street2, d.city, d.postcode, d.country)
      IS DISTINCT FROM (s.street, s.street2, s.city, s.postcode, s.country);

-- 2. Open a version for every staged customer left without a current one:
--    the ones just closed, and the new customers.
INSERT INTO dim_customer
    (customer_id, street, street2, city, postcode, country, valid_from, valid_to, is_current)
SELECT s.customer_id, s.street, s.street2, s.city, s.postcode, s.country,
       r.run_date, NULL, true
FROM stg_customer AS s
CROSS JOIN etl_run AS r
WHERE NOT EXISTS (
    SELECT 1 FROM dim_customer AS d
    WHERE d.customer_id = s.customer_id AND d.is_current
);
