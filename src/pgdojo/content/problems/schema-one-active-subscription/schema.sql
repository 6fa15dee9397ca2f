CREATE TABLE accounts (
    account_id bigint PRIMARY KEY,
    name       text   NOT NULL
);

CREATE TABLE plans (
    plan_code     text    PRIMARY KEY,
    monthly_cents integer NOT NULL CHECK (monthly_cents >= 0)
);

INSERT INTO accounts (account_id, name) VALUES
    (1, 'Acme Ltd'),
    (2, 'Globex'),
    (3, 'Initech'),
    (4, 'Umbrella');

INSERT INTO plans (plan_code, monthly_cents) VALUES
    ('starter',   1900),
    ('team',      4900),
    ('business', 14900);
