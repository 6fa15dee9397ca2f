SELECT account_id, email, display_name, plan
FROM accounts
WHERE lower(email) = 'jo_ann.smith@example.com'
ORDER BY account_id;
