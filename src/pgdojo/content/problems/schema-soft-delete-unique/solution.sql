CREATE TABLE users (
    user_id      bigint      PRIMARY KEY,
    email        text        NOT NULL,
    display_name text        NOT NULL,
    deleted_at   timestamptz
);

-- Unique among live accounts only, whatever the letter case. Also serves the login lookup.
CREATE UNIQUE INDEX users_live_email_key ON users (lower(email)) WHERE deleted_at IS NULL;
