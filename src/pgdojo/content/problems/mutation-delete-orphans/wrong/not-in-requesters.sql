-- expect: wrong_answer on anonymous-tickets
-- mistake: not-in-nullable
-- NOT IN over tickets.requester_id: one anonymous ticket (NULL) makes the condition NULL for every requester, so none is deleted.
DELETE FROM comments
WHERE ticket_id NOT IN (SELECT ticket_id FROM tickets);

DELETE FROM requesters
WHERE requester_id NOT IN (SELECT requester_id FROM tickets);
