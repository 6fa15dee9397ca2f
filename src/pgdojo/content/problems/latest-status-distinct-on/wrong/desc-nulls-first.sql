-- expect: wrong_answer on legacy-null-timestamps
-- mistake: desc-nulls-first
-- DESC sorts NULLs first in PostgreSQL, so an undated legacy row is taken as the latest.
SELECT DISTINCT ON (order_id) order_id, status, changed_at
FROM order_status_history
ORDER BY order_id, changed_at DESC, id DESC;
