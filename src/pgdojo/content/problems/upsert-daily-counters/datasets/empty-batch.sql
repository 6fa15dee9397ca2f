-- No hits in this window: raw_hits stays empty.
INSERT INTO pages (page_id, path) VALUES
    (1, '/'),
    (2, '/pricing');

INSERT INTO page_views_daily (page_id, day, views) VALUES
    (1, '2026-03-10', 12),
    (2, '2026-03-10',  3);
