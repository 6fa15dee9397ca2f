-- Comments that name a ticket which does not exist; drafts (NULL ticket) are kept.
DELETE FROM comments AS c
WHERE c.ticket_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM tickets AS t WHERE t.ticket_id = c.ticket_id);

-- Requesters no ticket refers to. NOT EXISTS is unaffected by anonymous (NULL) tickets.
DELETE FROM requesters AS r
WHERE NOT EXISTS (SELECT 1 FROM tickets AS t WHERE t.requester_id = r.requester_id);
