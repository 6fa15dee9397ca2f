-- The tables the prompt gives (run as app_owner before your schema).

-- The aggregates: bank accounts. Each account's events form one stream.
CREATE TABLE accounts (
    id         bigint PRIMARY KEY,
    owner_name text NOT NULL,
    opened_on  date NOT NULL DEFAULT current_date
);

-- The commands the scale profile will send, in order: one event each. The workload appends
-- them through your append_event; the prompt's reference queries read this table to know
-- what your store must hold. Your queries must not read it.
CREATE TABLE feed (
    seq              bigint PRIMARY KEY,
    aggregate_id     bigint NOT NULL,
    expected_version bigint NOT NULL,
    event_id         uuid   NOT NULL,
    kind             text   NOT NULL,
    payload          jsonb  NOT NULL
);
