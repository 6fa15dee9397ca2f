SELECT event_id,
       occurred_at,
       payload->>'order_id'           AS order_id,
       (payload->>'amount')::numeric  AS amount
FROM events
WHERE payload @> '{"type": "refund"}'
ORDER BY occurred_at DESC, event_id DESC;
