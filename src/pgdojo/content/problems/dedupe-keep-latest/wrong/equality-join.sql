-- expect: wrong_answer on null-keys
-- Plain `=` never matches NULLs, so NULL-keyed duplicates survive.
DELETE FROM events AS e
USING events AS newer
WHERE newer.user_id = e.user_id
  AND newer.event_type = e.event_type
  AND newer.id > e.id;
