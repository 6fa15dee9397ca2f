-- 9,000 rows over 1,500 addresses: six copies each, with repeated instants and NULLs.
INSERT INTO contacts (contact_id, email, full_name, updated_at)
SELECT g,
       'user' || (g % 1500) || '@example.com',
       'User ' || g,
       CASE WHEN g % 11 = 0 THEN NULL
            ELSE timestamptz '2025-01-01 00:00+00' + ((g * 7919) % 400) * interval '1 day'
       END
FROM generate_series(1, 9000) AS g;
