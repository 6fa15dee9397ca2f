-- Legacy sign-ups: one address in several spellings, stored in no particular order.
INSERT INTO accounts (account_id, email, display_name, plan, created_at) VALUES
    (907, 'jo_ann.smith@example.com', 'Jo Ann Smith',   'team',       '2023-01-01 10:00:00+00'),
    (12,  'Jo_ann.smith@example.com', 'Jo-Ann Smith',   'free',       '2019-01-01 10:00:00+00'),
    (450, 'JO_ANN.smith@Example.Com', 'J. A. Smith',    'business',   '2021-01-01 10:00:00+00'),
    (3,   'anna.meyer3@example.com',  'Anna Meyer',     'enterprise', '2018-01-01 10:00:00+00');
CREATE INDEX accounts_email_idx ON accounts (email);
