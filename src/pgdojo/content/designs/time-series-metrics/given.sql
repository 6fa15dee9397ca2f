-- The tables the prompt gives (run as app_owner before your schema).
CREATE TABLE devices (
    id   bigint PRIMARY KEY,
    name text   NOT NULL
);

-- The raw readings are yours to create, with exactly these columns (the base data and the
-- reference queries use them); how they are stored, keyed, indexed and partitioned is your
-- design:
--
--   readings (device_id bigint NOT NULL, ts timestamptz NOT NULL, value double precision NOT NULL)
--
-- The scale's clock: the readings cover the 30 days from 2025-05-02 to 2025-06-01 00:00 UTC.
