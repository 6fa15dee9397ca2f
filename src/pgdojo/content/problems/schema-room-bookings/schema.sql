CREATE TABLE rooms (
    room_id  integer PRIMARY KEY,
    name     text    NOT NULL UNIQUE,
    capacity integer NOT NULL CHECK (capacity > 0)
);

INSERT INTO rooms (room_id, name, capacity) VALUES
    (1, 'Aurora',    8),
    (2, 'Borealis',  4),
    (3, 'Cirrus',   12);
