-- 120,000 posts over about eight months; bulk imports give two or three posts the same
-- created_at. Deterministic: no random().
INSERT INTO posts (post_id, author_id, created_at, title, body)
SELECT i,
       1 + (i * 7919) % 5000,
       timestamptz '2025-01-01 00:00:00+00' + ((2 * i + 4) / 5) * interval '7 minutes',
       'Post ' || i || ': notes on topic ' || (i * 31) % 977,
       'Draft body of post ' || i || ', tagged ' || (i * 17) % 101 || ' and ' || (i * 13) % 89
FROM generate_series(1, 120000) AS g(i);
