-- Anonymous browsing was merged into accounts after signup: some activity predates it.
INSERT INTO users (user_id, signed_up_at) VALUES
    (1, '2025-10-15 10:00:00+00'),
    (2, '2025-10-20 10:00:00+00'),
    (3, '2025-11-10 10:00:00+00'),
    (4, '2025-11-12 10:00:00+00');

INSERT INTO activity (user_id, active_on) VALUES
    (1, '2024-11-20'),
    (1, '2025-09-01'),
    (1, '2025-12-05'),
    (2, '2024-12-03'),
    (2, '2025-01-15'),
    (2, '2025-10-01'),
    (3, '2024-12-24'),
    (3, '2025-02-02'),
    (3, '2025-10-30'),
    (4, '2025-12-01'),
    (4, '2026-01-15');
