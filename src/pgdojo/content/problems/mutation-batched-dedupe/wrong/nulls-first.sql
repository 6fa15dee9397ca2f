-- expect: wrong_answer on never-updated
-- mistake: desc-nulls-first
-- ORDER BY updated_at DESC puts NULLs first, so a never-edited copy is kept as "the newest".
DELETE FROM contacts AS c
USING (
    SELECT contact_id,
           row_number() OVER (PARTITION BY email ORDER BY updated_at DESC, contact_id DESC) AS copy_no
    FROM contacts
) AS ranked
WHERE ranked.contact_id = c.contact_id
  AND ranked.copy_no > 1;
