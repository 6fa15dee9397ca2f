-- expect: wrong_answer on same-run-at
-- mistake: limit-without-order
-- Orders by run_at alone "because the index is sorted": jobs due at the same instant come in whatever order the index keeps them.
CREATE INDEX ON jobs (run_at) WHERE status IN ('queued', 'retrying');

SELECT job_id, queue, run_at, attempts
FROM jobs
WHERE status IN ('queued', 'retrying')
  AND run_at <= '2026-03-01 12:00:00+00'
ORDER BY run_at
LIMIT 20;
