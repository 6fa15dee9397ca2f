-- Calibration (sample: 120,000 events, 120 refunds; shared buffers hit+read of the SELECT):
--   slow.sql (seq scan)                                              3244
--   this solution: GIN (payload jsonb_path_ops), query unchanged       124   ratio 0.038
--   GIN (payload) with the default jsonb_ops                            159   ratio 0.049
--   B-tree on (payload->>'type'), predicate rewritten with ->>          122   ratio 0.038
--   partial index ... WHERE payload @> '{"type": "refund"}'             121   ratio 0.037
--   GIN index, but predicate rewritten to payload->>'type' = ...       3244   ratio 1.0  -> too slow
--   B-tree on occurred_at (wrong column)                               3244   ratio 1.0  -> too slow
-- max_buffers_ratio = 0.1: 2x headroom over the default-opclass GIN; any plan that still reads
-- the table sequentially is 10x above it.
CREATE INDEX events_payload_path_idx ON events USING gin (payload jsonb_path_ops);

SELECT event_id,
       occurred_at,
       payload->>'order_id'           AS order_id,
       (payload->>'amount')::numeric  AS amount
FROM events
WHERE payload @> '{"type": "refund"}'
ORDER BY occurred_at DESC, event_id DESC;
