CREATE TABLE logins (
    id       bigint      PRIMARY KEY,
    user_id  integer     NOT NULL,
    login_at timestamptz NOT NULL
);
