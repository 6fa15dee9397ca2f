SELECT a.room_id,
       a.booking_id AS first_id,
       b.booking_id AS second_id,
       lower(x.overlap) AS overlap_starts_at,
       upper(x.overlap) AS overlap_ends_at
FROM bookings AS a
JOIN bookings AS b
  ON b.room_id = a.room_id
 AND a.booking_id < b.booking_id
 AND tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)
CROSS JOIN LATERAL (
    SELECT tstzrange(a.starts_at, a.ends_at) * tstzrange(b.starts_at, b.ends_at) AS overlap
) AS x
ORDER BY a.room_id, first_id, second_id;
