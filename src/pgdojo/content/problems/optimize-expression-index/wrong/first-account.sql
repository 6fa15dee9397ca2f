-- expect: wrong_answer on several-accounts
-- mistake: limit-without-order
-- Assumes one account per address and stops at the first row found: other spellings' accounts vanish, and which one survives is up to the plan.
CREATE INDEX ON accounts (lower(email));

SELECT account_id, email, display_name, plan
FROM accounts
WHERE lower(email) = 'jo_ann.smith@example.com'
LIMIT 1;
