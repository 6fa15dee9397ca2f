-- Retried jobs are as runnable as queued ones, and here they are due first.
INSERT INTO jobs (job_id, queue, status, run_at, attempts, payload) VALUES
    (1, 'email',    'retrying', '2026-03-01 09:00:00+00', 2, '{}'),
    (2, 'email',    'retrying', '2026-03-01 09:05:00+00', 1, '{}'),
    (3, 'webhooks', 'done',     '2026-03-01 08:00:00+00', 1, '{}'),
    (4, 'webhooks', 'running',  '2026-03-01 08:30:00+00', 0, '{}'),
    (5, 'reports',  'failed',   '2026-03-01 08:45:00+00', 5, '{}');
INSERT INTO jobs (job_id, queue, status, run_at, attempts, payload)
SELECT 100 + i, 'billing', 'queued', timestamptz '2026-03-01 10:00:00+00' + i * interval '1 minute', 0, '{}'
FROM generate_series(1, 30) AS g(i);
