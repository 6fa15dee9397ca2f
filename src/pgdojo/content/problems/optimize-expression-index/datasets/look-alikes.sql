-- Addresses that differ from the looked-up one in a single character, or contain it.
INSERT INTO accounts (account_id, email, display_name, plan, created_at) VALUES
    (1, 'jo-ann.smith@example.com',      'Jo-Ann Smith', 'free', '2020-01-01 10:00:00+00'),
    (2, 'joXann.smith@example.com',      'Jo Smith',     'free', '2020-01-02 10:00:00+00'),
    (3, 'jo_ann.smith@example.co',       'Jo Smith',     'free', '2020-01-03 10:00:00+00'),
    (4, 'jo_ann.smith@example.com.evil', 'Jo Smith',     'free', '2020-01-04 10:00:00+00'),
    (5, 'mary.jo_ann.smith@example.com', 'Mary Smith',   'free', '2020-01-05 10:00:00+00'),
    (6, 'jo_ann.smith@example.com ',     'Jo Smith',     'free', '2020-01-06 10:00:00+00');
CREATE INDEX accounts_email_idx ON accounts (email);
