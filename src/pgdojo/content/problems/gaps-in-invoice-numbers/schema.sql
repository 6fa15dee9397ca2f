CREATE TABLE invoices (
    invoice_id bigint  PRIMARY KEY,
    series     text    NOT NULL,
    number     integer CHECK (number >= 1),   -- NULL: a draft, not numbered yet
    issued_on  date,                          -- NULL for a draft
    total      numeric(12,2) NOT NULL
);
