CREATE TABLE readings (
    reading_id  bigint           PRIMARY KEY,
    sensor_id   integer          NOT NULL,
    recorded_at timestamptz      NOT NULL,
    value       double precision            -- NULL: the sensor reported an error
);
