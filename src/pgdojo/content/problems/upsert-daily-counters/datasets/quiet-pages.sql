INSERT INTO pages (page_id, path) VALUES
    (1, '/'),
    (2, '/pricing'),
    (3, '/blog/partial-indexes'),
    (4, '/careers'),
    (5, '/legal');

INSERT INTO page_views_daily (page_id, day, views) VALUES
    (1, '2026-03-10',  12),
    (4, '2026-03-10',   7),
    (4, '2026-03-11',   0);

INSERT INTO raw_hits (hit_id, page_id, hit_at, local_date) VALUES
    (1, 1, '2026-03-11 10:00:00+00', '2026-03-11'),
    (2, 2, '2026-03-11 10:05:00+00', '2026-03-11'),
    (3, 2, '2026-03-12 10:05:00+00', '2026-03-12');
