-- expect: wrong_answer on ids-not-monotonic
-- Two independent comparisons instead of a lexicographic one: older posts with higher ids vanish.
CREATE INDEX ON posts (created_at DESC, post_id DESC);

SELECT post_id, created_at, title
FROM posts
WHERE created_at <= '2025-08-02 21:27:00+00'
  AND post_id < 110001
ORDER BY created_at DESC, post_id DESC
LIMIT 20;
