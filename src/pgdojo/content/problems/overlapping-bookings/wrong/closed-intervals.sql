-- expect: wrong_answer on back-to-back
-- Inclusive comparisons: a checkout at 11:00 and a check-in at 11:00 are reported as a clash.
SELECT a.room_id,
       a.booking_id AS first_id,
       b.booking_id AS second_id,
       greatest(a.starts_at, b.starts_at) AS overlap_starts_at,
       least(a.ends_at, b.ends_at) AS overlap_ends_at
FROM bookings AS a
JOIN bookings AS b
  ON b.room_id = a.room_id
 AND a.booking_id < b.booking_id
 AND a.starts_at <= b.ends_at
 AND b.starts_at <= a.ends_at
ORDER BY a.room_id, first_id, second_id;
