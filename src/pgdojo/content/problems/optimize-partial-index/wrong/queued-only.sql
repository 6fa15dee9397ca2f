-- expect: wrong_answer on retrying-jobs
-- Narrows the partial index and the query to 'queued': retried jobs are never picked up again.
CREATE INDEX ON jobs (run_at, job_id) WHERE status = 'queued';

SELECT job_id, queue, run_at, attempts
FROM jobs
WHERE status = 'queued'
  AND run_at <= '2026-03-01 12:00:00+00'
ORDER BY run_at, job_id
LIMIT 20;
