-- expect: too_slow on sample
-- mistake: function-on-indexed-column
-- A second plain index on email changes nothing: lower(email) is not the indexed value, so it is still a sequential scan.
CREATE INDEX ON accounts (email text_pattern_ops);

SELECT account_id, email, display_name, plan
FROM accounts
WHERE lower(email) = 'jo_ann.smith@example.com'
ORDER BY account_id;
