-- Calibration (sample: 120,000 posts; shared buffers hit+read of the SELECT):
--   slow.sql (seq scan + top-N heapsort of 10,020 rows)                1938
--   this solution: keyset (row comparison) + index
--     (created_at DESC, post_id DESC)                                     4   ratio 0.002
--   same keyset, index (created_at, post_id) scanned backwards            4   ratio 0.002
--   OFFSET 10000 LIMIT 20 kept, with the same index                     206   ratio 0.106 -> too slow
--   keyset without any index                                           1938   ratio 1.0   -> too slow
-- max_buffers_ratio = 0.02: 10x headroom for keyset, 5x below "index + OFFSET".
CREATE INDEX posts_feed_idx ON posts (created_at DESC, post_id DESC);

SELECT post_id, created_at, title
FROM posts
WHERE (created_at, post_id) < ('2025-08-02 21:27:00+00', 110001)
ORDER BY created_at DESC, post_id DESC
LIMIT 20;
