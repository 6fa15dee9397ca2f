-- The customer dimension of the warehouse: one row per version of a customer's address.
CREATE TABLE dim_customer (
    customer_id integer NOT NULL,
    street      text    NOT NULL,
    street2     text,                 -- apartment, floor, c/o: often absent
    city        text    NOT NULL,
    postcode    text,                 -- some countries have none
    country     char(2) NOT NULL,
    valid_from  date    NOT NULL,
    valid_to    date,                 -- NULL while the version is current
    is_current  boolean NOT NULL,
    PRIMARY KEY (customer_id, valid_from),
    CHECK (is_current = (valid_to IS NULL)),
    CHECK (valid_to > valid_from)
);
CREATE UNIQUE INDEX dim_customer_one_current ON dim_customer (customer_id) WHERE is_current;

-- Tonight's extract from the CRM: the customers whose record was touched, as they are now.
CREATE TABLE stg_customer (
    customer_id integer PRIMARY KEY,
    street      text    NOT NULL,
    street2     text,
    city        text    NOT NULL,
    postcode    text,
    country     char(2) NOT NULL
);

-- The business date of this load (one row).
CREATE TABLE etl_run (
    run_date date NOT NULL
);
