INSERT INTO accounts (account_id, email, display_name, plan, created_at) VALUES
    (1, 'anna.meyer1@example.com', 'Anna Meyer', 'free', '2020-01-01 10:00:00+00'),
    (2, 'Ben.Ng2@MAIL.TEST',       'Ben Ng',     'team', '2020-01-02 10:00:00+00');
CREATE INDEX accounts_email_idx ON accounts (email);
