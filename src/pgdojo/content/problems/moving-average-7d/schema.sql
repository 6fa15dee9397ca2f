CREATE TABLE daily_sales (
    store_id integer       NOT NULL,
    day      date          NOT NULL,
    revenue  numeric(12,2),
    PRIMARY KEY (store_id, day)
);
