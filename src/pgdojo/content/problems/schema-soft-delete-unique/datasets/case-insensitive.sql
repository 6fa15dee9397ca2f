-- The same users as the sample; the checks of this case add or change rows.
INSERT INTO users (user_id, email, display_name, deleted_at) VALUES
    (1, 'ana@example.com',     'Ana', NULL),
    (2, 'Bo.Chen@Example.com', 'Bo',  NULL),
    (3, 'cy@example.com',      'Cy',  '2025-11-02 10:00+00');
