-- Calibration (sample: 150,000 tickets in 3,572 heap pages, not in created_at order; 178 open
-- tickets of March; shared buffers hit+read of the SELECT, measured by the judge):
--   slow.sql (sequential scan)                                                   3572
--   this solution: partial index (created_at) INCLUDE (team_id) WHERE open        181   ratio 0.051
--   the same partial index without INCLUDE                                        181   ratio 0.051
--   full index (status, created_at)                                               182   ratio 0.051
--   full index (created_at, status)                                               225   ratio 0.063
--   full index (team_id, status, created_at)                                      263   ratio 0.074
--   index (status) only: every open ticket of every month                        3094   ratio 0.87 -> too slow
--   (status, created_at) with created_at::date in the WHERE                      3110   ratio 0.87 -> too slow
--   index (created_at) only: every ticket of March                               3600   ratio 1.01 -> too slow
-- The judge loads the rows in the same transaction, so no heap page is all-visible yet and the
-- index-only scan still visits one heap page per open ticket (Heap Fetches = rows); after a
-- VACUUM in production the partial covering index answers from its 2 pages alone.
-- max_buffers_ratio = 0.15: 2x headroom for every sound index, 5.8x below the closest wrong one.
CREATE INDEX tickets_open_created_idx ON tickets (created_at) INCLUDE (team_id)
    WHERE status = 'open';

SELECT team_id, count(*) AS open_tickets
FROM tickets
WHERE status = 'open'
  AND created_at >= '2026-03-01 00:00:00+00'
  AND created_at <  '2026-04-01 00:00:00+00'
GROUP BY team_id
ORDER BY team_id;
