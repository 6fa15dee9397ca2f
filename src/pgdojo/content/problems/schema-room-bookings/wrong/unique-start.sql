-- expect: wrong_answer on partial-overlap
-- A unique (room, start) stops exact double bookings only; shifted overlapping stays get through.
CREATE TABLE bookings (
    booking_id bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    room_id    integer     NOT NULL REFERENCES rooms (room_id),
    booked_by  text        NOT NULL,
    starts_at  timestamptz NOT NULL,
    ends_at    timestamptz NOT NULL,
    CHECK (ends_at > starts_at),
    UNIQUE (room_id, starts_at)
);
