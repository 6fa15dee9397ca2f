-- 2,400 rows over 401 addresses: five or six copies each (1,999 duplicates, about twice a
-- batch of 1,000), with repeated instants and NULLs.
INSERT INTO contacts (contact_id, email, full_name, updated_at)
SELECT g,
       'user' || (g % 401) || '@example.com',
       'User ' || g,
       CASE WHEN g % 11 = 0 THEN NULL
            ELSE timestamptz '2025-01-01 00:00+00' + ((g * 7919) % 400) * interval '1 day'
       END
FROM generate_series(1, 2400) AS g;
