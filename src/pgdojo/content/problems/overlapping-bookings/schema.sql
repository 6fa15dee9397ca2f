CREATE TABLE bookings (
    booking_id integer     PRIMARY KEY,
    room_id    integer     NOT NULL,
    guest      text        NOT NULL,
    starts_at  timestamptz NOT NULL,
    ends_at    timestamptz,                  -- NULL: open-ended (checkout not known yet)
    CHECK (ends_at IS NULL OR ends_at > starts_at)
);
