INSERT INTO etl_run (run_date) VALUES ('2026-05-10');

INSERT INTO dim_customer
    (customer_id, street, street2, city, postcode, country, valid_from, valid_to, is_current)
VALUES
    (20, '14 Kings Rd',  NULL, 'London',     'SW3 4UT', 'GB', '2023-02-01', '2025-01-15', false),
    (20, '2 Rue du Lac', NULL, 'Geneve',     '1207',    'CH', '2025-01-15', NULL,         true),
    (21, '6 Storgatan',  NULL, 'Stockholm',  '11451',   'SE', '2024-08-01', NULL,         true);

INSERT INTO stg_customer (customer_id, street, street2, city, postcode, country) VALUES
    (20, '14 Kings Rd',  NULL, 'London',     'SW3 4UT', 'GB'),   -- back at an earlier address
    (21, '6 Storgatan',  NULL, 'Stockholm',  '11451',   'SE');
