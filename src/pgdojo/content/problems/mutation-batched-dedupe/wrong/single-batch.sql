-- expect: wrong_answer on bulk
-- One step of a production batch loop pasted in as the answer: the first 1,000 duplicates go, the rest stay.
DELETE FROM contacts
WHERE contact_id IN (
    SELECT contact_id
    FROM (
        SELECT contact_id,
               row_number() OVER (PARTITION BY email
                                  ORDER BY updated_at DESC NULLS LAST, contact_id DESC) AS copy_no
        FROM contacts
    ) AS ranked
    WHERE copy_no > 1
    ORDER BY contact_id
    LIMIT 1000
);
