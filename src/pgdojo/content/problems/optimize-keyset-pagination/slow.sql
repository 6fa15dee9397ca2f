SELECT post_id, created_at, title
FROM posts
ORDER BY created_at DESC, post_id DESC
OFFSET 10000 LIMIT 20;
