-- A re-import gave old records new, higher ids.
INSERT INTO contacts (contact_id, email, full_name, updated_at) VALUES
    (10, 'dee@example.com', 'Dee Okafor',    '2026-03-01 09:00+00'),
    (57, 'dee@example.com', 'Dee O.',        '2025-11-14 16:20+00'),
    (58, 'dee@example.com', 'D. Okafor',     '2025-12-02 11:00+00'),
    (21, 'eli@example.com', 'Eli Moss',      '2026-02-20 07:45+00'),
    (90, 'eli@example.com', 'Elias Moss',    '2024-06-30 23:59+00'),
    (30, 'fay@example.com', 'Fay Wu',        '2026-01-01 00:00+00');
