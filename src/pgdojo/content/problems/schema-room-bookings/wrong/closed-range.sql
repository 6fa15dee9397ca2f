-- expect: wrong_answer on back-to-back
-- Inclusive '[]' ranges: a meeting ending at 12:00 collides with the next one starting at 12:00.
CREATE TABLE bookings (
    booking_id bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    room_id    integer     NOT NULL REFERENCES rooms (room_id),
    booked_by  text        NOT NULL,
    starts_at  timestamptz NOT NULL,
    ends_at    timestamptz NOT NULL,
    CHECK (ends_at > starts_at),
    EXCLUDE USING gist (room_id WITH =, tstzrange(starts_at, ends_at, '[]') WITH &&)
);
