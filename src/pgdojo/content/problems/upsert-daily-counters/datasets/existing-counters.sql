INSERT INTO pages (page_id, path) VALUES
    (1, '/'),
    (2, '/pricing'),
    (3, '/blog/partial-indexes');

INSERT INTO page_views_daily (page_id, day, views) VALUES
    (1, '2026-03-10', 1000),
    (2, '2026-03-10',   25),
    (2, '2026-03-09',  300);

INSERT INTO raw_hits (hit_id, page_id, hit_at, local_date) VALUES
    (1, 1, '2026-03-10 13:00:00+00', '2026-03-10'),
    (2, 1, '2026-03-10 13:00:01+00', '2026-03-10'),
    (3, 1, '2026-03-10 13:05:00+00', '2026-03-10'),
    (4, 2, '2026-03-10 13:10:00+00', '2026-03-10'),
    (5, 3, '2026-03-10 13:20:00+00', '2026-03-10');
