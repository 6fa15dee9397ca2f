CREATE TABLE subscriptions (
    subscription_id integer PRIMARY KEY,
    user_id         integer NOT NULL,
    plan            text    NOT NULL,
    starts_on       date    NOT NULL,
    ends_on         date,                      -- exclusive; NULL: still running
    CHECK (ends_on > starts_on)
);
