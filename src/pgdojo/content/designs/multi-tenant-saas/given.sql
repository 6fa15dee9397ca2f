-- The tables the prompt gives, owned by app_owner (run as app_owner before your schema).
-- The application logs in as app_user, which has no privileges until your schema grants them.
CREATE TABLE tenants (
    id   int PRIMARY KEY,
    name text NOT NULL
);
CREATE TABLE users (
    id        int PRIMARY KEY,
    tenant_id int NOT NULL REFERENCES tenants,
    email     text NOT NULL
);
CREATE TABLE orders (
    id        int PRIMARY KEY,
    tenant_id int NOT NULL REFERENCES tenants,
    user_id   int NOT NULL REFERENCES users,
    total     numeric(12,2) NOT NULL
);
