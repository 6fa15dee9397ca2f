INSERT INTO pages (page_id, path) VALUES
    (1, '/'),
    (2, '/pricing');

INSERT INTO page_views_daily (page_id, day, views) VALUES
    (1, '2026-03-10', 500);

-- Visitors from Tokyo (+09) and Los Angeles (-07) around midnight UTC.
INSERT INTO raw_hits (hit_id, page_id, hit_at, local_date) VALUES
    (1, 1, '2026-03-10 23:59:59.999+00', '2026-03-10'),
    (2, 1, '2026-03-11 08:30:00+09',     '2026-03-11'),
    (3, 1, '2026-03-11 00:00:00+00',     '2026-03-11'),
    (4, 1, '2026-03-10 17:00:00-07',     '2026-03-10'),
    (5, 2, '2026-03-11 08:59:59+09',     '2026-03-11'),
    (6, 2, '2026-03-11 09:00:00+09',     '2026-03-11'),
    (7, 2, '2026-03-10 16:59:00-07',     '2026-03-10');
