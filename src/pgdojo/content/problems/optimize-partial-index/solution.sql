-- Calibration (sample: 200,000 jobs, ~1,000 waiting (0.5%); shared buffers hit+read of the SELECT):
--   slow.sql (seq scan + top-N heapsort)                                   2470
--   this solution: partial index (run_at, job_id) WHERE status IN (...)      22   ratio 0.0089
--   full index (status, run_at, job_id): every waiting job fetched, sorted   894   ratio 0.36 -> too slow
--   full index (run_at, job_id): walks past ~4,700 finished jobs            4767   ratio 1.93 -> too slow
-- Sizes: the partial index is 6 pages (48 kB); the full (status, run_at, job_id) one 993 pages.
-- max_buffers_ratio = 0.05: 5.6x headroom; the closest full index is 7x above it.
CREATE INDEX jobs_runnable_idx ON jobs (run_at, job_id)
    WHERE status IN ('queued', 'retrying');

SELECT job_id, queue, run_at, attempts
FROM jobs
WHERE status IN ('queued', 'retrying')
  AND run_at <= '2026-03-01 12:00:00+00'
ORDER BY run_at, job_id
LIMIT 20;
