CREATE TABLE requests (
    id         bigint  PRIMARY KEY,
    endpoint   text    NOT NULL,
    latency_ms integer NOT NULL CHECK (latency_ms >= 0)
);
