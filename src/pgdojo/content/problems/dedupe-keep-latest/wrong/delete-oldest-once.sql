-- expect: wrong_answer on many-copies
-- Deletes only the oldest copy of each duplicated pair: right for pairs, wrong for triples.
DELETE FROM events
WHERE id IN (SELECT min(id) FROM events GROUP BY user_id, event_type HAVING count(*) > 1);
