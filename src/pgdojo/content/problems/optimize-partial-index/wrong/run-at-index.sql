-- expect: too_slow on sample
-- Indexes the sort key alone: the scan walks run_at order through thousands of finished jobs for each waiting one.
CREATE INDEX ON jobs (run_at, job_id);

SELECT job_id, queue, run_at, attempts
FROM jobs
WHERE status IN ('queued', 'retrying')
  AND run_at <= '2026-03-01 12:00:00+00'
ORDER BY run_at, job_id
LIMIT 20;
