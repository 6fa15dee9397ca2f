-- expect: wrong_answer on look-alikes
-- LIKE on the lowered address (served by the expression index in the C collation): "_" is a wildcard, so jo-ann matches too.
CREATE INDEX ON accounts (lower(email));

SELECT account_id, email, display_name, plan
FROM accounts
WHERE lower(email) LIKE 'jo_ann.smith@example.com'
ORDER BY account_id;
