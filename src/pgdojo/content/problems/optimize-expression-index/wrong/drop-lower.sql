-- expect: wrong_answer on stored-lowercase
-- Drops lower() so the existing index is used: addresses stored with capitals are no longer found.
SELECT account_id, email, display_name, plan
FROM accounts
WHERE email = 'jo_ann.smith@example.com'
ORDER BY account_id;
