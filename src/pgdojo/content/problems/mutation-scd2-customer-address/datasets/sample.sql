INSERT INTO etl_run (run_date) VALUES ('2026-03-15');

INSERT INTO dim_customer
    (customer_id, street, street2, city, postcode, country, valid_from, valid_to, is_current)
VALUES
    (1, '12 Canal St',    NULL,      'Amsterdam', '1012 AB', 'NL', '2025-01-01', NULL, true),
    (2, '4 Rue Oberkampf', '2e etage', 'Paris',    '75011',   'FR', '2025-06-01', NULL, true),
    (3, '88 Queen St',    NULL,      'Auckland',  '1010',    'NZ', '2025-09-20', NULL, true);

INSERT INTO stg_customer (customer_id, street, street2, city, postcode, country) VALUES
    (1, '7 Prinsengracht', NULL,      'Amsterdam', '1015 DK', 'NL'),   -- moved
    (2, '4 Rue Oberkampf', '2e etage', 'Paris',    '75011',   'FR'),   -- touched, unchanged
    (4, '1 Harbour Rd',    NULL,      'Cork',      'T12 X2Y', 'IE');   -- new customer
