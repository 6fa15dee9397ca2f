-- expect: wrong_answer on same-timestamp-ties
-- Joins back to max(changed_at): every row sharing the latest timestamp comes back.
SELECT h.order_id, h.status, h.changed_at
FROM order_status_history AS h
JOIN (SELECT order_id, max(changed_at) AS latest
      FROM order_status_history
      GROUP BY order_id) AS m
  ON m.order_id = h.order_id AND m.latest = h.changed_at;
