CREATE TABLE accounts (
    account_id   bigint      PRIMARY KEY,
    email        text        NOT NULL,   -- as the user typed it at sign-up, letter case kept
    display_name text        NOT NULL,
    plan         text        NOT NULL,
    created_at   timestamptz NOT NULL
);
-- The existing index accounts_email_idx on (email), used by the login form's exact match, is
-- built by each dataset after its rows are loaded (the judge reloads the rows for every run;
-- an index built here would keep entries for the rows of earlier, rolled-back runs).
