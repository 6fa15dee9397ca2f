-- expect: wrong_answer on sample
-- mistake: count-star-outer-join
-- Counts each requester's tickets with count(*) over a LEFT JOIN: a requester without tickets still has one (NULL-extended) row, so the count is 1, never 0.
DELETE FROM comments AS c
WHERE c.ticket_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM tickets AS t WHERE t.ticket_id = c.ticket_id);

DELETE FROM requesters
WHERE requester_id IN (
    SELECT r.requester_id
    FROM requesters AS r
    LEFT JOIN tickets AS t ON t.requester_id = r.requester_id
    GROUP BY r.requester_id
    HAVING count(*) = 0
);
