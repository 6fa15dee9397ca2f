-- 150,000 accounts; about one address in five was typed with capitals. One more account has
-- the address support looks up.
-- Deterministic: no random().
INSERT INTO accounts (account_id, email, display_name, plan, created_at)
SELECT i,
       CASE WHEN i % 5 = 0 THEN initcap(local) || '@' || upper(domain) ELSE local || '@' || domain END,
       initcap(split_part(local, '.', 1)) || ' ' || initcap(split_part(local, '.', 2)),
       (ARRAY['free', 'team', 'business', 'enterprise'])[1 + (i * 7) % 4],
       timestamptz '2019-01-01 00:00:00+00' + i * interval '17 minutes'
FROM generate_series(1, 150000) AS g(i),
     LATERAL (SELECT (ARRAY['anna', 'ben', 'chloe', 'dev', 'eli', 'fatima', 'gus', 'hana', 'ivan',
                             'kai'])[1 + i % 10]
                     || '.' || (ARRAY['meyer', 'ng', 'okafor', 'patel', 'quinn', 'rossi',
                                      'silva', 'tanaka'])[1 + (i / 10) % 8] || i AS local,
                     (ARRAY['example.com', 'mail.test', 'corp.example'])[1 + (i / 3) % 3] AS domain) AS p;
INSERT INTO accounts (account_id, email, display_name, plan, created_at) VALUES
    (150001, 'jo_ann.smith@example.com', 'Jo Ann Smith', 'team', '2024-05-02 09:14:00+00');
CREATE INDEX accounts_email_idx ON accounts (email);
