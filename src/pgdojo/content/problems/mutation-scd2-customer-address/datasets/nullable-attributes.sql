INSERT INTO etl_run (run_date) VALUES ('2026-04-01');

INSERT INTO dim_customer
    (customer_id, street, street2, city, postcode, country, valid_from, valid_to, is_current)
VALUES
    (10, '3 Elm Row',      NULL,       'Edinburgh', 'EH7 4AA', 'GB', '2025-02-01', NULL, true),
    (11, '9 Via Roma',     'scala B',  'Torino',    '10121',   'IT', '2025-03-01', NULL, true),
    (12, '20 Nathan Rd',   NULL,       'Hong Kong', NULL,      'HK', '2025-04-01', NULL, true),
    (13, '5 Bondi Rd',     'Unit 2',   'Sydney',    '2026',    'AU', '2025-05-01', NULL, true),
    (14, '77 Bay St',      NULL,       'Nassau',    NULL,      'BS', '2025-06-01', NULL, true);

INSERT INTO stg_customer (customer_id, street, street2, city, postcode, country) VALUES
    (10, '3 Elm Row',    'Flat 2',  'Edinburgh', 'EH7 4AA', 'GB'),   -- gains a flat number
    (11, '9 Via Roma',   NULL,      'Torino',    '10121',   'IT'),   -- loses its staircase
    (12, '20 Nathan Rd', NULL,      'Hong Kong', NULL,      'HK'),   -- unchanged, NULLs included
    (13, '5 Bondi Rd',   'Unit 2',  'Sydney',    '2026',    'AU'),   -- unchanged
    (14, '77 Bay St',    NULL,      'Nassau',    'N-4815',  'BS');   -- gains a postcode
