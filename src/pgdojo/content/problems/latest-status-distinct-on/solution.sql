SELECT DISTINCT ON (order_id)
       order_id,
       status,
       changed_at
FROM order_status_history
ORDER BY order_id, changed_at DESC NULLS LAST, id DESC;
