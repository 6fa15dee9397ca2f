-- Calibration (sample: 150,000 accounts; shared buffers hit+read of the SELECT, PostgreSQL 18):
--   slow.sql (seq scan, lower() evaluated on every row)                 1819
--   this solution: B-tree on lower(email), query unchanged                 4   ratio 0.0022
--   lower(email) LIKE '...' with the same index (prefix range 'jo'..'jp')    4   ratio 0.0022 -> wrong answer
--   a second plain index (email text_pattern_ops), lower() kept          1819   ratio 1.0    -> too slow
-- max_buffers_ratio = 0.02: 9x headroom above this solution; any plan that still reads the
-- table is 50x above it.
CREATE INDEX accounts_email_lower_idx ON accounts (lower(email));

SELECT account_id, email, display_name, plan
FROM accounts
WHERE lower(email) = 'jo_ann.smith@example.com'
ORDER BY account_id;
