-- A bulk enqueue: 30 jobs due at the same instant, inserted newest id first.
INSERT INTO jobs (job_id, queue, status, run_at, attempts, payload)
SELECT 1000 - i, 'email', 'queued', '2026-03-01 11:00:00+00', 0, '{"batch": 7}'
FROM generate_series(1, 30) AS g(i);
INSERT INTO jobs (job_id, queue, status, run_at, attempts, payload) VALUES
    (5000, 'email', 'queued', '2026-03-01 10:59:59+00', 0, '{}'),
    (5001, 'email', 'done',   '2026-03-01 10:00:00+00', 1, '{}');
