-- expect: wrong_answer on ties-at-cursor
-- Keyset on created_at alone: posts sharing the cursor's timestamp are skipped.
CREATE INDEX ON posts (created_at DESC, post_id DESC);

SELECT post_id, created_at, title
FROM posts
WHERE created_at < '2025-08-02 21:27:00+00'
ORDER BY created_at DESC, post_id DESC
LIMIT 20;
