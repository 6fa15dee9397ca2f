-- expect: wrong_answer on draft-comments
-- NOT EXISTS alone is true for a draft (no ticket equals NULL), so the saved templates are deleted too.
DELETE FROM comments AS c
WHERE NOT EXISTS (SELECT 1 FROM tickets AS t WHERE t.ticket_id = c.ticket_id);

DELETE FROM requesters AS r
WHERE NOT EXISTS (SELECT 1 FROM tickets AS t WHERE t.requester_id = r.requester_id);
