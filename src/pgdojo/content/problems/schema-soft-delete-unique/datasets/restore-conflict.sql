-- Cy deleted the account; someone later registered again with the same address.
INSERT INTO users (user_id, email, display_name, deleted_at) VALUES
    (1, 'ana@example.com',     'Ana',    NULL),
    (2, 'Bo.Chen@Example.com', 'Bo',     NULL),
    (3, 'cy@example.com',      'Cy',     '2025-11-02 10:00+00'),
    (4, 'Cy@Example.com',      'Cy P.',  NULL);
