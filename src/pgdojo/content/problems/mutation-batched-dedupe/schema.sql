CREATE TABLE contacts (
    contact_id bigint      PRIMARY KEY,
    email      text        NOT NULL,
    full_name  text,
    updated_at timestamptz             -- NULL: never updated since the first import
);
CREATE INDEX contacts_email_idx ON contacts (email);
