-- expect: wrong_answer on type-variants
-- "Defensive" lower(): matches 'Refund' and 'REFUND', which the original query never returned.
CREATE INDEX ON events (lower(payload->>'type'));

SELECT event_id,
       occurred_at,
       payload->>'order_id'           AS order_id,
       (payload->>'amount')::numeric  AS amount
FROM events
WHERE lower(payload->>'type') = 'refund'
ORDER BY occurred_at DESC, event_id DESC;
