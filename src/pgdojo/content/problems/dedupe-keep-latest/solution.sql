DELETE FROM events AS e
USING events AS newer
WHERE newer.user_id IS NOT DISTINCT FROM e.user_id
  AND newer.event_type IS NOT DISTINCT FROM e.event_type
  AND newer.id > e.id;
