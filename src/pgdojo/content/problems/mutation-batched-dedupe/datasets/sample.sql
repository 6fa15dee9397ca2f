INSERT INTO contacts (contact_id, email, full_name, updated_at) VALUES
    (1, 'ana@example.com', 'Ana',        '2026-01-05 10:00+00'),
    (2, 'ana@example.com', 'Ana L.',     '2026-01-28 17:45+00'),
    (3, 'bo@example.com',  'Bo Chen',    '2026-01-20 14:00+00'),
    (4, 'ana@example.com', 'Ana Lima',   '2026-02-11 08:30+00'),
    (5, 'cy@example.com',  'Cy Park',    '2026-02-01 09:00+00'),
    (6, 'cy@example.com',  'Cyrus Park', '2026-02-03 12:15+00');
