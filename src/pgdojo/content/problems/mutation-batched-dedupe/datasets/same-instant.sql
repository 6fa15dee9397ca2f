-- Two writers saved the same contact in the same transaction.
INSERT INTO contacts (contact_id, email, full_name, updated_at) VALUES
    (11, 'gus@example.com', 'Gus',         '2026-02-14 12:00+00'),
    (12, 'gus@example.com', 'Gus Ortega',  '2026-02-14 12:00+00'),
    (13, 'gus@example.com', 'G. Ortega',   '2026-01-02 08:00+00'),
    (14, 'hal@example.com', 'Hal Berg',    '2026-03-03 03:03+00'),
    (15, 'hal@example.com', 'Hal B.',      '2026-03-03 03:03+00'),
    (16, 'hal@example.com', 'H. Berg',     '2026-03-03 03:03+00');
