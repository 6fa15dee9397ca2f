-- The exact lower-case address is not stored: only a capitalised spelling of it.
INSERT INTO accounts (account_id, email, display_name, plan, created_at) VALUES
    (10, 'Jo_Ann.Smyth@example.com', 'Jo Ann Smyth', 'free',       '2021-03-01 10:00:00+00'),
    (11, 'JO_ANN.SMITH@EXAMPLE.COM', 'Jo Ann Smith', 'team',       '2022-03-01 10:00:00+00'),
    (12, 'ben.ng12@example.com',     'Ben Ng',       'enterprise', '2022-04-01 10:00:00+00');
CREATE INDEX accounts_email_idx ON accounts (email);
