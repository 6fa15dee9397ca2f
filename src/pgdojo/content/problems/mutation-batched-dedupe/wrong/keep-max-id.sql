-- expect: wrong_answer on ids-out-of-order
-- Assumes the highest id is the newest copy; a re-import with fresh ids proves otherwise.
DELETE FROM contacts AS c
USING contacts AS later
WHERE later.email = c.email
  AND later.contact_id > c.contact_id;
