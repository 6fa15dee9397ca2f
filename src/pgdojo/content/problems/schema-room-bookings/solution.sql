CREATE TABLE bookings (
    booking_id bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    room_id    integer     NOT NULL REFERENCES rooms (room_id),
    booked_by  text        NOT NULL,
    starts_at  timestamptz NOT NULL,
    ends_at    timestamptz NOT NULL,
    CONSTRAINT bookings_ends_after_start CHECK (ends_at > starts_at),
    CONSTRAINT bookings_no_overlap
        EXCLUDE USING gist (room_id WITH =, tstzrange(starts_at, ends_at) WITH &&)
);
