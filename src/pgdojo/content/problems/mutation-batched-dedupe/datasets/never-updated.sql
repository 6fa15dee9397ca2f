INSERT INTO contacts (contact_id, email, full_name, updated_at) VALUES
    (20, 'ivy@example.com', 'Ivy',        NULL),
    (21, 'ivy@example.com', 'Ivy Tan',    '2026-01-15 10:00+00'),
    (22, 'ivy@example.com', 'Ivy T.',     '2025-12-24 18:00+00'),
    (23, 'jon@example.com', 'Jon',        NULL),
    (24, 'jon@example.com', 'Jon Ruiz',   NULL),
    (25, 'kai@example.com', 'Kai Sato',   NULL);
