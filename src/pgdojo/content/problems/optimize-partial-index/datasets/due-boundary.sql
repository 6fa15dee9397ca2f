-- Jobs due exactly at the cut-off instant, a microsecond later, and far in the future.
INSERT INTO jobs (job_id, queue, status, run_at, attempts, payload) VALUES
    (1, 'email',   'queued',   '2026-03-01 12:00:00+00',        0, '{}'),
    (2, 'email',   'retrying', '2026-03-01 12:00:00.000001+00', 1, '{}'),
    (3, 'email',   'queued',   '2026-03-02 12:00:00+00',        0, '{}'),
    (4, 'reports', 'queued',   '2026-02-28 23:00:00+00',        0, '{}');
