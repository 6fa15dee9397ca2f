-- expect: wrong_answer on open-ended
-- Strict comparisons on the raw columns: any comparison with a NULL end is NULL, so open-ended stays are never in a clash.
SELECT a.room_id,
       a.booking_id AS first_id,
       b.booking_id AS second_id,
       greatest(a.starts_at, b.starts_at) AS overlap_starts_at,
       least(a.ends_at, b.ends_at) AS overlap_ends_at
FROM bookings AS a
JOIN bookings AS b
  ON b.room_id = a.room_id
 AND a.booking_id < b.booking_id
 AND a.starts_at < b.ends_at
 AND b.starts_at < a.ends_at
ORDER BY a.room_id, first_id, second_id;
