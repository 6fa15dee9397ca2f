-- expect: wrong_answer on same-instant
-- Deletes a copy only when a strictly newer one exists: copies tied on updated_at all survive.
DELETE FROM contacts AS c
USING contacts AS newer
WHERE newer.email = c.email
  AND newer.updated_at > c.updated_at;
