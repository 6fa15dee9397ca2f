-- expect: too_slow on sample
-- mistake: offset-pagination
-- The right index, but still OFFSET 10000: the scan reads and throws away ten thousand index entries and heap rows first.
CREATE INDEX ON posts (created_at DESC, post_id DESC);

SELECT post_id, created_at, title
FROM posts
ORDER BY created_at DESC, post_id DESC
OFFSET 10000 LIMIT 20;
