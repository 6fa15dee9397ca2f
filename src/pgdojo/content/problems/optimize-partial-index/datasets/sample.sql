-- 200,000 jobs enqueued over ten weeks, each with its own run_at (jobs are scheduled ahead, so
-- the table is not in run_at order). One job in 200 is still waiting (queued, or retrying after
-- a failure); about one in seven of those is not due yet. Deterministic: no random().
INSERT INTO jobs (job_id, queue, status, run_at, attempts, payload)
SELECT i,
       (ARRAY['email', 'webhooks', 'reports', 'billing'])[1 + (i * 7) % 4],
       CASE WHEN i % 250 = 0 THEN 'queued'
            WHEN i % 1000 = 555 THEN 'retrying'
            WHEN i % 1000 IN (1, 2, 3, 4) THEN 'failed'
            WHEN i > 199990 THEN 'running'
            ELSE 'done' END,
       CASE WHEN i % 1000 = 555  -- retries are rescheduled with a back-off: the last few days
            THEN timestamptz '2026-02-27 00:00:00+00' + (i / 1000) * interval '17 minutes'
            ELSE timestamptz '2026-01-01 00:00:00+00' + ((i * 7919) % 200000) * interval '30 seconds'
       END,
       CASE WHEN i % 1000 IN (555, 1, 2, 3, 4) THEN 1 + i % 3 ELSE 0 END,
       '{"tenant": ' || (i * 31) % 997 || ', "template": "t' || i % 41 || '"}'
FROM generate_series(1, 200000) AS g(i);
