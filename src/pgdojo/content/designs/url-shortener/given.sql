-- The tables the prompt gives (run as app_owner before your schema).

-- The long URLs the scale profile submits, in order (duplicates included). The workload calls
-- your shorten once per row; the prompt's checks read this table. Your queries must not.
CREATE TABLE submissions (
    seq bigint PRIMARY KEY,
    url text   NOT NULL
);
