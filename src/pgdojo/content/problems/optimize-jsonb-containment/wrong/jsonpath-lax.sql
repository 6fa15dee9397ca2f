-- expect: wrong_answer on type-array
-- A jsonpath in lax mode unwraps arrays, so ["refund", "chargeback"] and [{...}] now match too.
CREATE INDEX ON events USING gin (payload jsonb_path_ops);

SELECT event_id,
       occurred_at,
       payload->>'order_id'           AS order_id,
       (payload->>'amount')::numeric  AS amount
FROM events
WHERE payload @@ '$.type == "refund"'
ORDER BY occurred_at DESC, event_id DESC;
