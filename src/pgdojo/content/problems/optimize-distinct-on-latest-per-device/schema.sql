CREATE TABLE devices (
    device_id integer PRIMARY KEY,
    name      text    NOT NULL,
    site      text    NOT NULL
);
-- No foreign key: gateways may report a device before it is registered.
CREATE TABLE readings (
    reading_id bigint       PRIMARY KEY,
    device_id  integer      NOT NULL,
    read_at    timestamptz  NOT NULL,
    value      numeric(8,2) NOT NULL,
    diagnostics text        NOT NULL
);
