SELECT job_id, queue, run_at, attempts
FROM jobs
WHERE status IN ('queued', 'retrying')
  AND run_at <= '2026-03-01 12:00:00+00'
ORDER BY run_at, job_id
LIMIT 20;
