INSERT INTO bookings (booking_id, room_id, guest, starts_at, ends_at) VALUES
    (1, 501, 'Okafor',   '2026-09-01 14:00+00', '2026-09-04 11:00+00'),
    (2, 502, 'Lindqvist','2026-09-01 14:00+00', '2026-09-04 11:00+00'),
    (3, 503, 'Tanaka',   '2026-09-02 14:00+00', NULL),
    (4, 501, 'Moreau',   '2026-09-05 14:00+00', '2026-09-06 11:00+00');
