-- Number the copies of each address from newest to oldest; delete all but the first.
-- NULLS LAST: a never-updated copy is older than any dated one. contact_id breaks ties.
DELETE FROM contacts AS c
USING (
    SELECT contact_id,
           row_number() OVER (PARTITION BY email
                              ORDER BY updated_at DESC NULLS LAST, contact_id DESC) AS copy_no
    FROM contacts
) AS ranked
WHERE ranked.contact_id = c.contact_id
  AND ranked.copy_no > 1;
