INSERT INTO payments (id, paid_at, amount_cents) VALUES
    (1, '2026-09-01 08:00:00+00', 990),
    (2, '2026-09-30 22:00:00+00',  10);
