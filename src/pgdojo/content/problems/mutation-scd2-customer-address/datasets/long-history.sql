INSERT INTO etl_run (run_date) VALUES ('2026-06-30');

INSERT INTO dim_customer
    (customer_id, street, street2, city, postcode, country, valid_from, valid_to, is_current)
VALUES
    (30, '1 First Ave',   NULL,     'Seattle',  '98101', 'US', '2021-03-01', '2022-07-01', false),
    (30, '200 Pine St',   'Apt 9',  'Seattle',  '98101', 'US', '2022-07-01', '2024-02-10', false),
    (30, '55 Mission St', NULL,     'San Francisco', '94105', 'US', '2024-02-10', NULL, true),
    (31, '8 Oak Ln',      NULL,     'Austin',   '78701', 'US', '2020-01-01', '2023-01-01', false),
    (31, '8 Oak Ln',      'Unit 1', 'Austin',   '78701', 'US', '2023-01-01', NULL,         true),
    (32, '10 Elm St',     NULL,     'Boston',   '02108', 'US', '2022-01-01', NULL,         true);

INSERT INTO stg_customer (customer_id, street, street2, city, postcode, country) VALUES
    (30, '9 Market St',   NULL,     'Portland', '97204', 'US'),   -- moves again
    (31, '8 Oak Ln',      'Unit 1', 'Austin',   '78701', 'US');   -- unchanged
