-- expect: too_slow on sample
-- A full index led by status: two status values cannot come out of it in run_at order, so every waiting job is fetched and sorted.
CREATE INDEX ON jobs (status, run_at, job_id);

SELECT job_id, queue, run_at, attempts
FROM jobs
WHERE status IN ('queued', 'retrying')
  AND run_at <= '2026-03-01 12:00:00+00'
ORDER BY run_at, job_id
LIMIT 20;
