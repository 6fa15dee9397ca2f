CREATE TABLE events (
    event_id    bigint      NOT NULL,
    user_id     bigint      NOT NULL,
    occurred_at timestamptz NOT NULL,
    kind        text        NOT NULL,
    payload     jsonb,
    -- A unique index lives in each partition: the key must contain the partition key.
    PRIMARY KEY (event_id, occurred_at)
) PARTITION BY RANGE (occurred_at);

-- Half-open bounds: FROM is included, TO is excluded, so months meet without a gap.
CREATE TABLE events_2026_01 PARTITION OF events
    FOR VALUES FROM ('2026-01-01 00:00+00') TO ('2026-02-01 00:00+00');
CREATE TABLE events_2026_02 PARTITION OF events
    FOR VALUES FROM ('2026-02-01 00:00+00') TO ('2026-03-01 00:00+00');
CREATE TABLE events_2026_03 PARTITION OF events
    FOR VALUES FROM ('2026-03-01 00:00+00') TO ('2026-04-01 00:00+00');

-- Declared on the parent: every partition gets its own copy, present and future.
CREATE INDEX events_user_time_idx ON events (user_id, occurred_at);
