-- expect: wrong_answer on untriaged-tickets
-- The anti-join tests a nullable column of the joined ticket (status) instead of its key: comments of untriaged tickets look orphaned.
DELETE FROM comments
WHERE comment_id IN (
    SELECT c.comment_id
    FROM comments AS c
    LEFT JOIN tickets AS t ON t.ticket_id = c.ticket_id
    WHERE c.ticket_id IS NOT NULL AND t.status IS NULL
);

DELETE FROM requesters
WHERE requester_id IN (
    SELECT r.requester_id
    FROM requesters AS r
    LEFT JOIN tickets AS t ON t.requester_id = r.requester_id
    WHERE t.ticket_id IS NULL
);
